using System.Diagnostics;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The whole suite as processes, for the benchmarks that put load on it (`vetting`, `events`, `load`, and bench/run.sh
/// --smoke's <see cref="SmokeRun"/>, which runs them on one suite), started by the one <see cref="PlatformLauncher"/>
/// under .state/bench/&lt;name&gt;: a private PostgreSQL 15 with fsync on, a private RabbitMQ node, the three services in
/// Production unless the options say otherwise (each migrated by its own `migrate` command first, all three before any
/// starts, as run.sh does), the 63 provinces seeded at Home Affairs and replicated to both copies, and, when asked for,
/// data loaded before the services start, the other seeds and the gateway in Development as the token issuer. The
/// executables are those of the bench's own build configuration (Release for `dotnet run -c Release`). Whatever an
/// earlier, killed run left in the same folder is stopped first.
/// </summary>
public sealed class LoadSuite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _name;
    private readonly LoadSuiteOptions _options;
    private readonly PlatformLauncher _platform;
    private int _retries;

    public LoadSuite(string name, LoadSuiteOptions options)
    {
        _name = name;
        _options = options;
        _platform = PlatformLauncher.Create(new PlatformOptions
        {
            Name = name,
            StateFolder = Path.Combine(RepositoryPaths.Root, ".state", "bench", name),
            Fsync = true,
            TrackCommitTimestamps = options.TrackCommitTimestamps,
            StatementStatistics = options.StatementStatistics,
            Gateways = options.WithGateway ? 1 : 0,
            ReadyTimeout = StartTimeout,
            // As deployed (Production: no development-time checks such as DI scope validation), trusting the gateway's
            // development issuer over plain HTTP on loopback.
            ServiceSettings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Authentication__RequireHttpsMetadata"] = "false",
            }.Concat(options.ServiceSettings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            GatewaySettings = options.GatewaySettings,
            // MassTransit's retries, counted from the services' "R-RETRY" warnings (the vetting report shows them).
            Started = process => process.LineWritten += line =>
            {
                if (line.Contains("R-RETRY", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _retries);
                }
            },
        });
    }

    public IReadOnlyDictionary<string, PlatformProcess> Services => _platform.Services;
    /// <summary>The gateway's HTTP/1.1 (JSON, token issuer) and h2c (gRPC) addresses, when it runs.</summary>
    public string GatewayHttp => _platform.GatewayUrl;
    public string GatewayGrpc => _platform.GatewayGrpcUrls[0];
    public int PostgresPort => _platform.PostgresPort;
    public Dictionary<string, string> Databases => _platform.Databases;
    /// <summary>What the start-up did and how long it took, for the report.</summary>
    public List<string> Setup { get; } = [];

    public string Logs => _platform.Logs;
    public string Server => _platform.ServerConnectionString + ";Timeout=60;Command Timeout=0";

    public string GrpcAddress(string service) => _platform.ServiceGrpcUrl(service);

    public async Task StartAsync()
    {
        await StepAsync("PostgreSQL 15 (fsync on) and RabbitMQ started", _platform.StartServersAsync);
        await StepAsync("three databases created and migrated by each service's `migrate` (queues declared)", _platform.MigrateAsync);
        if (_options.LoadData is { } load)
        {
            await load(this);
        }
        await StepAsync("services started, the 63 provinces seeded at Home Affairs and replicated to both copies", async () =>
        {
            await _platform.StartServicesAsync();
            await Services["home-affairs"].RunCommandAsync("seed", TimeSpan.FromMinutes(5));
            var provinces = await ScalarAsync<long>("home-affairs", "SELECT count(*) FROM administrative_units WHERE parent_code IS NULL");
            foreach (var copy in new[] { "organization", "delegate-affairs" })
            {
                await Poll.UntilAsync(async () => await ScalarAsync<long>(copy,
                    "SELECT count(*) FROM administrative_unit_copies WHERE parent_code IS NULL") >= provinces, $"{copy}'s copy of the provinces", StartTimeout);
            }
        });

        if (_options.SeedAll)
        {
            await StepAsync("Organization's and Delegate Affairs' seeds (Party committees and congresses; the 2021 election, its constituencies and candidates)",
                () => Task.WhenAll(new[] { "organization", "delegate-affairs" }.Select(s => Services[s].RunCommandAsync("seed", TimeSpan.FromMinutes(5)))));
        }

        if (_options.WithGateway)
        {
            await StepAsync("gateway started (Development: the token issuer)", _platform.StartGatewaysAsync);
        }
    }

    /// <summary>
    /// <see cref="StartAsync"/> for a benchmark's exit code: false, with the error and every process's last output on
    /// stderr, when the suite does not start.
    /// </summary>
    public async Task<bool> TryStartAsync()
    {
        try
        {
            await StartAsync();
            return true;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"the suite under .state/bench/{_name} did not start: {e}");
            Console.Error.WriteLine(Diagnostics());
            return false;
        }
    }

    /// <summary>An access token of the gateway's development issuer for a `&lt;body&gt;-&lt;role&gt;` client.</summary>
    public Task<string> TokenAsync(string clientId) => _platform.TokenAsync(clientId);

    public async Task<T> ScalarAsync<T>(string service, string sql, params object[] parameters) =>
        (await PostgresServer.ScalarAsync<T>(Databases[service], sql, parameters))!;

    /// <summary>The suite's processes by name, with PostgreSQL's postmaster and RabbitMQ's server (their pids), for memory and CPU sampling.</summary>
    public IReadOnlyList<(string Name, int Pid)> Processes()
    {
        var processes = Services.Values.Concat(_platform.Gateways).Select(p => (p.Name, p.Pid)).ToList();
        processes.Add(("postgres", _platform.PostgresPid));
        processes.Add(("rabbitmq", _platform.BrokerPid));
        return processes;
    }

    /// <summary>
    /// CPU seconds used so far by each of the suite's <see cref="Processes"/> (PostgreSQL and RabbitMQ with all their
    /// children), by this benchmark process ("bench") and by the whole machine ("machine"), so that other work on it shows.
    /// </summary>
    public Dictionary<string, double> CpuSeconds()
    {
        var cpu = Processes().ToDictionary(p => p.Name, p => p.Name is "postgres" or "rabbitmq"
            ? ProcFs.TreeCpuSeconds(p.Pid)
            : ProcFs.CpuSeconds(p.Pid, withReapedChildren: false));
        cpu["bench"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        cpu["machine"] = ProcFs.MachineBusySeconds();
        return cpu;
    }

    /// <summary>Messages waiting in the broker's queues, and those in error queues (consumers that gave up), with those queues' names.</summary>
    public async Task<(long Waiting, long Failed, string FailedQueues)> QueuesAsync()
    {
        var depths = await _platform.Broker.QueueDepthsAsync();
        var failed = depths.Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).ToList();
        return (depths.Except(failed).Sum(q => q.Value), failed.Sum(q => q.Value),
            string.Join(", ", failed.Where(q => q.Value > 0).Select(q => $"{q.Key} ({q.Value})")));
    }

    /// <summary>Consumer retries so far, all services together (MassTransit's "R-RETRY" warnings in their output).</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Every process's recent output, for a failure.</summary>
    public string Diagnostics() => _platform.Diagnostics();

    /// <summary>Runs one step of the start-up, timed, and notes it in <see cref="Setup"/>.</summary>
    public async Task StepAsync(string what, Func<Task> step)
    {
        Console.Error.WriteLine($"{what}…");
        var watch = Stopwatch.StartNew();
        await step();
        var line = $"{what}: {watch.Elapsed.TotalSeconds:F0} s";
        Console.Error.WriteLine(line);
        Setup.Add(line);
    }

    public ValueTask DisposeAsync() => _platform.DisposeAsync();
}
