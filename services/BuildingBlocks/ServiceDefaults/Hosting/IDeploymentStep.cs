namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Something the `migrate` command prepares besides the database schema before any instance of the
/// service starts, e.g. the broker queues this service consumes from.
/// </summary>
public interface IDeploymentStep
{
    string Description { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
