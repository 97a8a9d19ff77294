using MassTransit;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging;

/// <summary>
/// Declares this service's exchanges, queues and bindings on the broker without consuming. RabbitMQ
/// drops a message published to an exchange with no queue bound, so the queues must exist before
/// any other service publishes: `migrate` runs this before the first start.
/// </summary>
internal sealed class BrokerTopologyDeployment(IBusControl bus) : IDeploymentStep
{
    public string Description => "broker topology (queues and bindings this service consumes from)";

    public Task RunAsync(CancellationToken cancellationToken) => bus.DeployAsync(cancellationToken);
}
