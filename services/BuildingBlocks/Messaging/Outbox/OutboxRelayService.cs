using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Outbox;

/// <summary>Runs the <see cref="OutboxRelay"/> for the life of the process, unless disabled.</summary>
internal sealed class OutboxRelayService(OutboxRelay relay, OutboxOptions options, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RelayEnabled)
        {
            logger.LogWarning("The outbox relay is disabled in this process (Messaging:Outbox:RelayEnabled=false)");
            return Task.CompletedTask;
        }
        return relay.RunAsync(stoppingToken);
    }
}
