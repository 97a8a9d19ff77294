namespace Platform.Messaging.Operations;

/// <summary>
/// The names of the queues this service consumes from, as MassTransit configures its receive endpoints
/// (filled when the bus is built). Their error queues are "&lt;queue&gt;_error"; the operations API looks only
/// at these, so an operator of one service never drains another's queues.
/// </summary>
public sealed class ConsumerQueues
{
    public const string ErrorSuffix = "_error";

    private readonly HashSet<string> _names = [];

    internal void Add(string queue)
    {
        lock (_names)
        {
            _names.Add(queue);
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return _names.Order(StringComparer.Ordinal).ToList();
            }
        }
    }
}
