using System.Collections.Concurrent;

namespace Platform.FaultRun;

/// <summary>What the run did, counted as it goes: operations accepted and refused by kind, faults injected.</summary>
public sealed class RunStats
{
    private readonly ConcurrentDictionary<string, int> _accepted = new();
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private readonly ConcurrentQueue<string> _faults = new();

    public void Accepted(string kind) => _accepted.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>A call that failed (the service, broker or database was down, or an etag went stale): the workload retries or moves on.</summary>
    public void Refused(string kind) => _refused.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Fault(string description) => _faults.Enqueue(description);

    public int AcceptedTotal => _accepted.Values.Sum();
    public int RefusedTotal => _refused.Values.Sum();
    public IReadOnlyDictionary<string, int> AcceptedByKind => _accepted;
    public IReadOnlyCollection<string> Faults => _faults;

    /// <summary>Messages the operator moved back from error queues (during the consumer fault and at the end).</summary>
    public int Requeued;

    private readonly ConcurrentQueue<string> _failedDuringRollingRestart = new();
    private volatile bool _rollingRestart;

    /// <summary>While true, every call the platform fails counts against the rolling restart (whose goal is none).</summary>
    public bool RollingRestart { get => _rollingRestart; set => _rollingRestart = value; }

    /// <summary>A call through a gateway that the platform failed rather than answered (<see cref="GatewayInvoker.IsFailure"/>).</summary>
    public void CallFailed(string description)
    {
        if (_rollingRestart)
        {
            _failedDuringRollingRestart.Enqueue(description);
        }
    }

    public IReadOnlyCollection<string> FailedDuringRollingRestart => _failedDuringRollingRestart;
}
