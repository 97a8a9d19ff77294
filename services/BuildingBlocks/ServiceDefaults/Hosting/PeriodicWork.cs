using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Work done now and then every <see cref="Interval"/> (a deadline sweep, a clean-up): the state lives in the
/// database, not in a timer, so a restart loses nothing and several instances may run it side by side. A round
/// that fails is logged and tried again at the next tick.
/// </summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeSpan Interval => interval;
    protected TimeProvider Clock => clock;
    protected ILogger Logger => logger;

    /// <summary>One round of the work.</summary>
    public abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database restart or a lost race on a row version: the next round tries again.
                logger.LogWarning(exception, "{Work} failed; it runs again in {Interval}", GetType().Name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
