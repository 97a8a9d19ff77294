using Grpc.Net.Client;
using Platform.Testing;

namespace Platform.FaultRun;

/// <summary>
/// Every process of the platform (<see cref="PlatformLauncher"/>), started as in production but on free ports and in
/// Development: a PostgreSQL server and a RabbitMQ node of this run's own (so that it may stop, restart and kill them),
/// the three services each over its own database, and the gateway with its development issuer. With several replicas,
/// each service runs as that many processes over the same database and broker, and as many gateways list every
/// replica of each service in their clusters; the first gateway is the issuer all of them and the services trust.
/// Each service's consumer fault switch is a file under the run's folder, shared by its replicas.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(300); // a busy 2-core machine starting eight processes

    /// <summary>
    /// How long a replica stopped with SIGTERM keeps serving as not ready: more than the gateways' active health checks
    /// (every two seconds, two failures, each allowed two seconds) take to take it out of their clusters.
    /// </summary>
    private const string DrainDelay = "00:00:08";

    private readonly PlatformLauncher _platform;
    private readonly string _switches;
    private readonly long[] _duplicatesSuppressed;

    private FaultPlatform(PlatformLauncher platform, string switches, Dictionary<string, string> faultSwitchFiles, long[] duplicatesSuppressed)
    {
        _platform = platform;
        _switches = switches;
        FaultSwitchFiles = faultSwitchFiles;
        _duplicatesSuppressed = duplicatesSuppressed;
    }

    public RabbitMqNode Broker => _platform.Broker;
    public Dictionary<string, string> Databases => _platform.Databases;
    public Dictionary<string, string> FaultSwitchFiles { get; }
    /// <summary>The first gateway's HTTP address: the issuer of every token.</summary>
    public string GatewayUrl => _platform.GatewayUrl;
    public string GatewayGrpcUrl => GatewayGrpcUrls[0];
    /// <summary>Every gateway's HTTP address (JSON, the joint-planning reads); the workload takes them in turn.</summary>
    public List<string> GatewayUrls => _platform.GatewayUrls;
    /// <summary>Every gateway's gRPC address; the workload takes them in turn.</summary>
    public List<string> GatewayGrpcUrls => _platform.GatewayGrpcUrls;

    /// <summary>The replicas (processes) of a service, by name: the service's own name when it runs alone.</summary>
    public IReadOnlyList<string> ReplicasOf(string service) => _platform.ReplicasOf(service);

    /// <summary>Redeliveries the inboxes stopped, counted from the services' log lines ("was already applied").</summary>
    public long DuplicatesSuppressed => Interlocked.Read(ref _duplicatesSuppressed[0]);

    public static async Task<FaultPlatform> StartAsync(TextWriter log, int replicas)
    {
        // Under .state/test-<pid>/, where test.sh and the test fixtures sweep what a dead run left behind.
        var switches = Path.Combine(RepositoryPaths.Root, ".state", $"test-{Environment.ProcessId}", "fault-switches");
        Directory.CreateDirectory(switches);
        var faultSwitchFiles = PlatformLauncher.ServiceDefinitions.ToDictionary(s => s.Name, s => Path.Combine(switches, $"fault-switch-{s.Name}"));
        var duplicates = new long[1]; // counted from every replica's output, also after a restart
        var platform = await PlatformLauncher.StartAsync(new PlatformOptions
        {
            Name = "fault",
            Replicas = replicas,
            Gateways = replicas,
            PrivatePostgres = true,
            ShortDatabaseTimeouts = true,
            ReadyTimeout = Ready,
            ServiceSettings = new Dictionary<string, string>
            {
                // Retries outlast a short database or broker outage; what still fails waits in the error queue for the operator.
                ["Messaging__Retry__Limit"] = "8",
                ["Messaging__Retry__MaxInterval"] = "00:00:05",
                // A body that never answers must show as Pending at the end, not be swept to Needs review.
                ["Vetting__AnswerWithin"] = "06:00:00",
                ["JointPlanning__SweepInterval"] = "00:00:05",
                ["Shutdown__DrainDelay"] = DrainDelay,
            },
            SettingsOfService = service => new Dictionary<string, string> { ["Messaging__FaultSwitch__File"] = faultSwitchFiles[service] },
            // The workload is several clients of one principal each; the per-client limit is not under test here.
            GatewaySettings = new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "1000000" },
            Started = process => process.LineWritten += line =>
            {
                if (line.Contains("was already applied by", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref duplicates[0]);
                }
            },
        });
        log.WriteLine($"platform ready: {replicas} replica(s) of each service, {replicas} gateway(s)");
        return new FaultPlatform(platform, switches, faultSwitchFiles, duplicates);
    }

    /// <summary>SIGKILL of one replica: no shutdown code runs, as when a machine or container dies.</summary>
    public Task KillAsync(string replica) => _platform.KillAsync(replica);

    /// <summary>SIGTERM of one replica, as a rolling restart stops a pod: it drains and exits by itself.</summary>
    public Task StopAsync(string replica) => _platform.StopAsync(replica);

    public Task StartAsync(string replica) => _platform.StartAsync(replica);

    public Task StopBrokerAsync() => Broker.StopAsync();

    /// <summary>
    /// Starts the node again on its ports (read from the node.env the script keeps), allowing it longer than the test
    /// fixtures do: after a kill -9 it recovers its message store first, and on a busy machine that takes minutes.
    /// </summary>
    public async Task StartBrokerAsync()
    {
        var settings = File.ReadAllLines(Path.Combine(Broker.Dir, "node.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        // The script gives a booting node a minute and then stops it; a busy machine may need another try.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, "rabbitmq.sh"),
                    ["start", Broker.Dir, settings["AMQP_PORT"], settings["DIST_PORT"], settings["EPMD_PORT"]], timeout: TimeSpan.FromMinutes(3));
                return;
            }
            catch (Exception failure) when (attempt < 3 && failure is InvalidOperationException or TimeoutException)
            {
                Console.WriteLine($"the broker did not start (attempt {attempt}): {failure.Message.Split('\n')[0]}; again");
                await Script("rabbitmq.sh", "stop", Broker.Dir);
            }
        }
    }

    /// <summary>
    /// kill -9 of the broker's Erlang VM: what it had delivered and not yet seen acknowledged, and what it had
    /// received and not yet confirmed, is in doubt. Then the node is cleaned up (epmd) so that it can start again.
    /// </summary>
    public async Task KillBrokerAsync()
    {
        foreach (var file in new[] { "rabbit.pid", "launcher.pid" })
        {
            var path = Path.Combine(Broker.Dir, file);
            if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid))
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                    await process.WaitForExitAsync();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
        await Broker.StopAsync();
    }

    /// <summary>A fast shutdown of the one PostgreSQL server under all three services (their databases are on it).</summary>
    public Task StopPostgresAsync() => _platform.StopPostgresAsync();

    public Task StartPostgresAsync() => _platform.StartPostgresAsync();

    public Task<string> TokenAsync(string clientId) => _platform.TokenAsync(clientId);

    /// <summary>One channel per gateway, each call carrying the token.</summary>
    public IReadOnlyList<GrpcChannel> ChannelsWith(string token) =>
        [.. Enumerable.Range(0, GatewayGrpcUrls.Count).Select(gateway => _platform.ChannelWith(token, gateway))];

    public string Diagnostics() => _platform.Diagnostics();

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        try
        {
            // The run's whole folder (.state/test-<pid>): its servers are stopped, and this process is the run.
            Directory.Delete(Path.GetDirectoryName(_switches)!, recursive: true);
        }
        catch (IOException)
        {
            // a server's last file still being written: test.sh sweeps it next time
        }
    }
}
