using Platform.Operations.V1;
using Platform.Ops;

namespace Platform.FaultRun;

/// <summary>
/// The faults, one at a time and then combined: SIGKILL of each service (of one of its replicas when it has several;
/// restarted after a random pause), with several replicas a rolling restart of every service (SIGTERM), the broker
/// stopped and restarted, the broker's VM killed with -9 while messages are in flight, the PostgreSQL server under all
/// three services stopped and restarted, and a consumer that throws for a kind of message until it is fixed, after
/// which the operator re-queues its error queue through the gateway's OperationsService.
/// </summary>
public sealed class Faults(FaultPlatform platform, RunStats stats, Random random, TextWriter log)
{
    private readonly Dictionary<string, OperationsClient> _operators = new();

    public async Task PrepareAsync()
    {
        foreach (var body in Workload.Bodies)
        {
            var channel = Platform.Ops.OperationsClient.Channel(new Uri(platform.GatewayGrpcUrl));
            _operators[body] = new OperationsClient(channel.CreateCallInvoker(), body, await platform.TokenAsync($"{body}-ops"));
        }
    }

    public IReadOnlyDictionary<string, OperationsClient> Operators => _operators;

    /// <summary>
    /// Every single fault once, in a random order; with several replicas the rolling restart first. What it costs is
    /// counted on its own (goal 0 failed calls), so it runs on a settled platform: after the PostgreSQL fault, say,
    /// each replica's first call on its dead pooled connections fails once more (Unavailable), which would be counted
    /// against a restart that began just then.
    /// </summary>
    public IEnumerable<Func<Task>> Singles() =>
        (platform.ReplicasOf(Workload.Bodies[0]).Count > 1 ? [RollingRestartAsync] : Array.Empty<Func<Task>>()).Concat(new Func<Task>[]
        {
            () => KillServiceAsync("organization"),
            () => KillServiceAsync("home-affairs"),
            () => KillServiceAsync("delegate-affairs"),
            StopBrokerAsync,
            KillBrokerAsync,
            StopPostgresAsync,
            ConsumerFaultAsync,
        }.OrderBy(_ => random.Next()));

    /// <summary>Two faults at once.</summary>
    public IEnumerable<Func<Task>> Combinations() =>
        new Func<Task>[]
        {
            () => Together(() => KillServiceAsync(AnyService()), StopBrokerAsync),
            () => Together(StopPostgresAsync, () => KillServiceAsync(AnyService())),
            () => Together(KillBrokerAsync, ConsumerFaultAsync),
            () => Together(() => KillServiceAsync("home-affairs"), () => KillServiceAsync("delegate-affairs")),
        }.OrderBy(_ => random.Next());

    private string AnyService() => Workload.Bodies[random.Next(Workload.Bodies.Length)];

    private static Task Together(Func<Task> first, Func<Task> second) => Task.WhenAll(first(), second());

    private TimeSpan PauseBetween(double minSeconds, double maxSeconds) =>
        TimeSpan.FromSeconds(minSeconds + random.NextDouble() * (maxSeconds - minSeconds));

    private void Injected(string what)
    {
        stats.Fault(what);
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} fault: {what}");
    }

    public async Task KillServiceAsync(string name)
    {
        var replicas = platform.ReplicasOf(name);
        var replica = replicas[random.Next(replicas.Count)];
        Injected($"SIGKILL {replica}");
        await platform.KillAsync(replica);
        await Task.Delay(PauseBetween(1, 5)); // down for a random while, as a crashed pod is until restarted
        await platform.StartAsync(replica);
    }

    /// <summary>
    /// What a deployment does to each service at once (as Kubernetes rolls each Deployment): one replica at a time,
    /// SIGTERM, wait until it exited, start it again, wait until it is ready and the gateways had time to see it
    /// (Kubernetes' minReadySeconds), then the next. The workload runs on; every call the platform fails meanwhile
    /// counts against the restart.
    /// </summary>
    private static readonly TimeSpan MinReady = TimeSpan.FromSeconds(3);

    public async Task RollingRestartAsync()
    {
        Injected("rolling restart of every service (SIGTERM, one replica at a time)");
        stats.RollingRestart = true;
        try
        {
            await Task.WhenAll(Workload.Bodies.Select(async name =>
            {
                foreach (var replica in platform.ReplicasOf(name))
                {
                    await platform.StopAsync(replica);
                    await platform.StartAsync(replica);
                    await Task.Delay(MinReady); // the deployment's pace, not a wait for anything: the gateways probe every two seconds
                }
            }));
        }
        finally
        {
            stats.RollingRestart = false;
        }
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} rolling restart done; {stats.FailedDuringRollingRestart.Count} call(s) failed meanwhile");
    }

    public async Task StopBrokerAsync()
    {
        Injected("broker stopped");
        await platform.StopBrokerAsync();
        await Task.Delay(PauseBetween(2, 6));
        await platform.StartBrokerAsync();
    }

    public async Task KillBrokerAsync()
    {
        Injected("broker killed (-9) with deliveries in flight");
        await platform.KillBrokerAsync();
        await Task.Delay(PauseBetween(1, 3));
        await platform.StartBrokerAsync();
    }

    public async Task StopPostgresAsync()
    {
        Injected("PostgreSQL stopped under all three services");
        await platform.StopPostgresAsync();
        await Task.Delay(PauseBetween(2, 5));
        await platform.StartPostgresAsync();
    }

    /// <summary>
    /// Organization's consumers throw for every AdministrativeUnitChanged until the switch is off: those messages are
    /// retried and then moved to the error queue. The operator lists them, the fault is "fixed", and the operator
    /// re-queues the error queue; the inbox applies each message once.
    /// </summary>
    public async Task ConsumerFaultAsync()
    {
        Injected("Organization's consumer throws for AdministrativeUnitChanged until fixed; operator re-queues");
        var file = platform.FaultSwitchFiles["organization"];
        await File.WriteAllTextAsync(file, "AdministrativeUnitChanged\n");
        var ops = _operators["organization"];
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var failed = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var listing = await ops.ListErrorMessagesAsync(new ListErrorMessagesRequest());
                failed = listing.Queues.Sum(q => q.MessageCount);
                if (failed > 0)
                {
                    break;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // the broker or the service may be down in a combined fault: ask again
            }
            await Task.Delay(PauseBetween(0.5, 1));
        }
        File.Delete(file);
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {failed} message(s) in Organization's error queues; fault fixed");
        // What is still being retried succeeds by itself now; what reached the error queue waits for the operator.
        await RequeueAllAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The operator's re-queue of every service's error queues, repeated until it goes through.</summary>
    public async Task RequeueAllAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        foreach (var (body, ops) in _operators)
        {
            while (true)
            {
                try
                {
                    var moved = (await ops.RequeueErrorMessagesAsync(new RequeueErrorMessagesRequest())).Requeued;
                    Interlocked.Add(ref stats.Requeued, moved);
                    if (moved > 0)
                    {
                        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} operator re-queued {moved} message(s) at {body}");
                    }
                    break;
                }
                catch (Grpc.Core.RpcException error) when (DateTime.UtcNow < deadline)
                {
                    log.WriteLine($"re-queue at {body}: {error.StatusCode}, again");
                    await Task.Delay(PauseBetween(0.5, 1));
                }
            }
        }
    }
}
