using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>Shutdown section: how long a stopping replica keeps serving while reporting itself not ready.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// Longer than the balancers in front (the gateway's active health checks, a Kubernetes readiness probe) take to
    /// see /health/ready fail; zero (the default) stops serving at once, as a process nobody balances to may.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// A graceful stop (SIGTERM) in two steps, so that a rolling restart loses no call: first the replica turns not
/// ready and goes on serving for <see cref="ShutdownOptions.DrainDelay"/> while the balancers take it out; only then
/// does the host stop Kestrel, which closes the listener and completes the calls still in flight (within the host's
/// shutdown timeout) before the process exits.
/// </summary>
public sealed class ShutdownDrain(ShutdownOptions options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());

    /// <summary>Runs before the host stops anything (the server included).</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (options.DrainDelay <= TimeSpan.Zero)
        {
            return;
        }
        logger.LogInformation("Stopping: not ready, still serving for {DrainDelay} while the balancers take this replica out", options.DrainDelay);
        try
        {
            await Task.Delay(options.DrainDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // the host's shutdown timeout is up: stop now
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
