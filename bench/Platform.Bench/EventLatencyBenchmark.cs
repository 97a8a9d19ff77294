using System.Globalization;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// Event latency with the suite's real processes: from the commit of a change at Home Affairs (an administrative unit
/// and its outbox row) to the commit of its effect in the Organization's and Delegate Affairs' copies (the inbox row
/// and the copy's new state, one transaction): outbox → NOTIFY → relay → RabbitMQ → consumer → inbox → effect. Both
/// ends are PostgreSQL's own commit timestamps (track_commit_timestamp) on the one server clock. Steady rates are
/// produced open loop; the sustained rate is the whole path's throughput with events produced as fast as possible;
/// the floor is pgbench's commit rate on the same PostgreSQL.
/// </summary>
public static class EventLatencyBenchmark
{
    private static readonly string[] Consumers = ["organization", "delegate-affairs"];
    private const int FlatOutWorkers = 16;

    public static async Task<int> RunAsync(EventLatencyOptions options)
    {
        await using var suite = new LoadSuite(options.Smoke ? "events-smoke" : "events", SuiteOptions(options));
        return await suite.TryStartAsync() ? await RunAsync(options, suite) : 1;
    }

    /// <summary>What the benchmark needs of the suite: both ends' commit times, and the services' settings it was given.</summary>
    public static LoadSuiteOptions SuiteOptions(EventLatencyOptions options) =>
        new(TrackCommitTimestamps: true, Services: options.Settings, StatementStatistics: options.Statements);

    /// <summary>The benchmark on a suite already started with (at least) <see cref="SuiteOptions"/>.</summary>
    public static async Task<int> RunAsync(EventLatencyOptions options, LoadSuite suite)
    {
        try
        {
            await using var producer = await EventLatencyProducer.CreateAsync(suite.Databases["home-affairs"]);
            var stages = new List<EventStage>();

            if (options.WarmUpSeconds > 0)
            {
                // JIT, connection pools, EF's compiled model and the broker's channels: not what the rates measure.
                Log($"warm-up: {options.Rates[0]} events/s for {options.WarmUpSeconds} s (not counted)…");
                await producer.ProduceAtRateAsync(options.Rates[0], TimeSpan.FromSeconds(options.WarmUpSeconds));
                await MeasureAsync(suite, Take(producer), "warm-up", null, TimeSpan.Zero);
            }
            foreach (var rate in options.Rates)
            {
                Log($"{rate} events/s for {options.Seconds} s…");
                var cpu = suite.CpuSeconds();
                using var backlog = new OutboxBacklog(suite.Databases["home-affairs"]);
                var lag = await producer.ProduceAtRateAsync(rate, TimeSpan.FromSeconds(options.Seconds));
                var stage = await MeasureAsync(suite, Take(producer), $"{rate:N0}/s", rate, lag);
                stage.CpuPercent = CpuPercent(cpu, suite.CpuSeconds(), stage.Wall);
                stage.MaxOutboxBacklog = await backlog.StopAsync();
                stages.Add(stage);
                Log(stage.Summary);
            }

            EventStage? sustained = null;
            if (options.SustainedEvents > 0)
            {
                Log($"sustained: {options.SustainedEvents:N0} events produced as fast as {FlatOutWorkers} connections commit them…");
                var statements = options.Statements ? new StatementProfile(suite.Server) : null;
                if (statements is not null)
                {
                    await statements.ResetAsync();
                }
                var cpu = suite.CpuSeconds();
                using var backlog = new OutboxBacklog(suite.Databases["home-affairs"]);
                await producer.ProduceFlatOutAsync(options.SustainedEvents, FlatOutWorkers);
                sustained = await MeasureAsync(suite, Take(producer), "as fast as possible", null, TimeSpan.Zero);
                sustained.CpuPercent = CpuPercent(cpu, suite.CpuSeconds(), sustained.Wall);
                sustained.MaxOutboxBacklog = await backlog.StopAsync();
                Log(sustained.Summary);
                if (statements is not null)
                {
                    // Includes the benchmark's own: the producer's writes at Home Affairs and the measurement's reads.
                    Log("statements of the sustained stage (pg_stat_statements):");
                    foreach (var line in await statements.ReadAsync(sustained.Events))
                    {
                        Log(line);
                    }
                }
            }

            var (waiting, failed, failedQueues) = await suite.QueuesAsync();
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} messages in error queues ({failedQueues}): a consumer failed");
            }

            var floor = new List<(int Clients, double CommitsPerSecond)>();
            if (options.PgbenchSeconds > 0)
            {
                foreach (var clients in options.Quick ? [FlatOutWorkers] : new[] { 1, FlatOutWorkers })
                {
                    Log($"pgbench: single-row insert transactions, {clients} client(s), {options.PgbenchSeconds} s…");
                    floor.Add((clients, await PgbenchAsync(suite, clients, options.PgbenchSeconds)));
                    Log($"pgbench {clients} client(s): {floor[^1].CommitsPerSecond:N0} commits/s");
                }
            }

            var report = new EventLatencyReport(options, suite.Setup, stages, sustained, floor, waiting);
            if (!options.Quick && !options.Smoke)
            {
                report.PrintTable();
            }
            // Every run prints the goals' key=value lines: bench/run.sh's full run quotes them in docs/benchmarks.md.
            report.PrintKeyValues();
            if (!options.Quick && !options.Smoke)
            {
                var path = options.ReportPath ?? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks-events.md");
                report.Write(path);
                Log($"written: {path}");
            }
            else if (options.ReportPath is { } path)
            {
                report.Write(path);
            }
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"event benchmark failed: {e}");
            Console.Error.WriteLine(suite.Diagnostics());
            return 1;
        }
    }

    private static List<(Guid MessageId, string TransactionId)> Take(EventLatencyProducer producer)
    {
        var taken = new List<(Guid, string)>();
        while (producer.Produced.TryDequeue(out var produced))
        {
            taken.Add(produced);
        }
        return taken;
    }

    /// <summary>
    /// Waits until every event's effect is committed in both copies, then reads both ends' commit times. A delivery is
    /// one event applied by one consumer; the latency is its effect's commit minus the source's commit.
    /// </summary>
    private static async Task<EventStage> MeasureAsync(
        LoadSuite suite, List<(Guid MessageId, string TransactionId)> events, string label, int? rate, TimeSpan producerLag)
    {
        var ids = events.Select(e => e.MessageId).ToArray();
        var deadline = TimeSpan.FromSeconds(120 + events.Count / 50.0); // a backlog at a rate the path cannot carry drains slowly
        foreach (var consumer in Consumers)
        {
            await Poll.UntilAsync(async () => await suite.ScalarAsync<long>(consumer,
                "SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)", ids) == ids.Length,
                $"{consumer} to apply the {ids.Length:N0} events of {label}", deadline);
        }

        var committed = new Dictionary<Guid, DateTime>();
        await using (var connection = new NpgsqlConnection(suite.Databases["home-affairs"]))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT x, pg_xact_commit_timestamp(x::xid) FROM unnest(@xids) AS x", connection);
            command.Parameters.AddWithValue("xids", events.Select(e => e.TransactionId).ToArray());
            var byTransaction = new Dictionary<string, DateTime>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                byTransaction[reader.GetString(0)] = reader.GetDateTime(1);
            }
            foreach (var (messageId, transactionId) in events)
            {
                committed[messageId] = byTransaction[transactionId];
            }
        }

        var stage = new EventStage(label, rate, events.Count, producerLag);
        foreach (var consumer in Consumers)
        {
            await using var connection = new NpgsqlConnection(suite.Databases[consumer]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT message_id, pg_xact_commit_timestamp(xmin), received_at FROM inbox_messages WHERE message_id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var source = committed[reader.GetGuid(0)];
                var effect = reader.GetDateTime(1);
                var received = reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime;
                stage.Add(consumer, source, effect, received);
            }
        }
        return stage;
    }

    /// <summary>Each process's CPU over a stage, in % of one core.</summary>
    private static Dictionary<string, double> CpuPercent(Dictionary<string, double> before, Dictionary<string, double> after, TimeSpan wall) =>
        after.ToDictionary(p => p.Key, p => 100 * (p.Value - before.GetValueOrDefault(p.Key)) / Math.Max(wall.TotalSeconds, 0.001));

    /// <summary>
    /// The machine's durable commit rate: pgbench on the benchmark's own PostgreSQL (fsync on), each transaction one
    /// single-row insert, the most a commit can carry less. With many clients PostgreSQL groups their commits' fsyncs.
    /// </summary>
    private static async Task<double> PgbenchAsync(LoadSuite suite, int clients, double seconds)
    {
        const string pgbench = "/usr/lib/postgresql/15/bin/pgbench";
        if (!File.Exists(pgbench))
        {
            throw new InvalidOperationException($"{pgbench} is missing (Debian's postgresql-15): run scripts/install.sh");
        }
        await using (var admin = new NpgsqlConnection(suite.Server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand(
                "DROP DATABASE IF EXISTS bench_commit_floor WITH (FORCE); CREATE DATABASE bench_commit_floor", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using (var floor = new NpgsqlConnection(suite.Server + ";Database=bench_commit_floor;Pooling=false"))
        {
            await floor.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE commits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL)", floor);
            await create.ExecuteNonQueryAsync();
        }
        var script = Path.Combine(suite.Logs, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO commits (payload) VALUES ('event');\n");
        var output = await Shell.RunAsync(pgbench,
        [
            "-h", "127.0.0.1", "-p", suite.PostgresPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", "-M", "prepared",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture),
            "-T", Math.Max(1, (int)Math.Round(seconds)).ToString(CultureInfo.InvariantCulture), "-f", script, "bench_commit_floor",
        ], timeout: TimeSpan.FromSeconds(seconds + 60));
        // "tps = 3187.123456 (without initial connection time)"
        var line = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        return double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static void Log(string line) => Console.Error.WriteLine(line);
}

/// <summary>
/// The most rows waiting in Home Affairs' outbox, sampled every 100 ms while a stage runs: a growing backlog there
/// means the relay is what holds events back, a small one that the broker or the consumers do.
/// </summary>
public sealed class OutboxBacklog : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    public OutboxBacklog(string connectionString) => _sampling = Task.Run(async () =>
    {
        long max = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                max = Math.Max(max, (long)(await count.ExecuteScalarAsync(_stop.Token))!);
            }
            while (await tick.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // the stage is over
        }
        return max;
    });

    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        return await _sampling;
    }

    public void Dispose() => _stop.Dispose();
}

/// <summary>The deliveries of one stage (one rate, or the throughput run) and their figures.</summary>
public sealed class EventStage(string label, int? rate, int events, TimeSpan producerLag)
{
    private readonly List<double> _latencies = [];
    private readonly List<double> _toConsumer = [];
    private readonly Dictionary<string, List<double>> _byConsumer = new();
    private DateTime _firstSource = DateTime.MaxValue, _lastSource = DateTime.MinValue, _lastEffect = DateTime.MinValue;

    public string Label => label;
    public int? Rate => rate;
    public int Events => events;
    public TimeSpan ProducerLag => producerLag;
    public Dictionary<string, double> CpuPercent { get; set; } = new();
    public long MaxOutboxBacklog { get; set; }

    /// <summary>A process's CPU milliseconds per event over the stage: what the path costs, whatever else the machine does.</summary>
    public double CpuMsPerEvent(string process) => CpuPercent.GetValueOrDefault(process) / 100 * Wall.TotalMilliseconds / Math.Max(events, 1);

    public void Add(string consumer, DateTime source, DateTime effect, DateTime received)
    {
        var latency = (effect - source).TotalMilliseconds;
        _latencies.Add(latency);
        _toConsumer.Add((received - source).TotalMilliseconds);
        if (!_byConsumer.TryGetValue(consumer, out var list))
        {
            _byConsumer[consumer] = list = [];
        }
        list.Add(latency);
        _firstSource = source < _firstSource ? source : _firstSource;
        _lastSource = source > _lastSource ? source : _lastSource;
        _lastEffect = effect > _lastEffect ? effect : _lastEffect;
    }

    public int Deliveries => _latencies.Count;

    /// <summary>From the first source commit to the last effect commit.</summary>
    public TimeSpan Wall => _lastEffect - _firstSource;

    /// <summary>Events a second at which the sources committed.</summary>
    public double ProducedRate => events > 1 ? (events - 1) / (_lastSource - _firstSource).TotalSeconds : 0;

    /// <summary>Events a second carried end to end: all events over the time from the first source commit to the last effect.</summary>
    public double DeliveredRate => events / Wall.TotalSeconds;

    public double Percentile(double p) => Percentile(_latencies, p);
    public double Max => _latencies.Count == 0 ? 0 : _latencies.Max();
    public double ToConsumerPercentile(double p) => Percentile(_toConsumer, p);
    public double ConsumerPercentile(string consumer, double p) => _byConsumer.TryGetValue(consumer, out var list) ? Percentile(list, p) : double.NaN;

    public string Summary =>
        string.Create(CultureInfo.InvariantCulture,
            $"{label}: {events:N0} events ({ProducedRate:N0}/s produced, {DeliveredRate:N0}/s delivered), {Deliveries:N0} deliveries: ") +
        string.Create(CultureInfo.InvariantCulture,
            $"p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms, max {Max:F1} ms; to the consumer p50 {ToConsumerPercentile(50):F2} ms; ") +
        string.Create(CultureInfo.InvariantCulture, $"outbox backlog at most {MaxOutboxBacklog:N0}; CPU ms/event: ") +
        string.Join(", ", new[] { "home-affairs", "organization", "delegate-affairs", "postgres", "rabbitmq" }
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {CpuMsPerEvent(p):F2}")));

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
