using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Npgsql;
using Platform.Testing;
using V1 = Platform.DelegateAffairs.V1;

namespace Platform.Bench;

/// <summary>
/// Bulk vetting end to end with the suite's real processes: for each size N, a fresh People's Council election with
/// its constituencies, N candidates recorded through Delegate Affairs' API (BatchCreateCandidates, 1000 a call, a few
/// calls at once), then the wall time until no vetting of the election is PENDING any more: Delegate Affairs asks
/// the Organization and Home Affairs by events (through the outboxes and RabbitMQ), they answer from their records
/// at national scale, and Delegate Affairs combines the answers. Checks that every vetting holds both bodies'
/// answers and that the outcomes are those the data predicts. Prints the figures and writes them to a report.
/// </summary>
public static class VettingBenchmark
{
    /// <summary>15 March 2026: the election day of the 2026–2031 People's Councils.</summary>
    private static readonly DateOnly ElectionDay = new(2026, 3, 15);

    private const int BatchSize = 1000; // the most BatchCreateCandidates takes
    private const int SeatsPerConstituency = 5; // the most a People's Council constituency may have (Law 85/2015)
    private const int ConstituencyCallsAtOnce = 8;

    private static readonly V1.DossierItem[] FullDossier =
    [
        V1.DossierItem.Application, V1.DossierItem.CertifiedCv, V1.DossierItem.ShortBiography, V1.DossierItem.Photos, V1.DossierItem.AssetDeclaration,
    ];

    public static async Task<int> RunAsync(VettingBenchOptions options)
    {
        var population = Population(options);
        // Its services run in Development, as they did for the published figures (the launcher's default then); the
        // other benchmarks' services run in Production.
        await using var suite = new LoadSuite("vetting", VettingSuite.Options(population).With(new LoadSuiteOptions(
            Services: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" })));
        return await suite.TryStartAsync() ? await RunAsync(options, population, suite) : 1;
    }

    /// <summary>The people of the run, enough for each of its sizes.</summary>
    public static VettingPopulation Population(VettingBenchOptions options)
    {
        var population = new VettingPopulation(options.Cadres, options.Officials, ElectionDay);
        foreach (var size in options.Sizes)
        {
            population.CheckEnoughPeople(size);
        }
        return population;
    }

    /// <summary>The benchmark on a suite already started with (at least) <see cref="VettingSuite.Options"/> of <paramref name="population"/>.</summary>
    public static async Task<int> RunAsync(VettingBenchOptions options, VettingPopulation population, LoadSuite platform)
    {
        var results = new List<RunResult>();
        var exitCode = 0;
        using var suite = new VettingSuite(platform);
        try
        {
            var provinces = await suite.ProvincesAsync();
            // One small election first, not reported: the services' first calls and messages (JIT, EF's compiled
            // queries, the issuer's keys, connections) are not what the runs measure.
            var warmUp = Stopwatch.StartNew();
            var warm = await RunSizeAsync(suite, population, provinces, Math.Min(500, options.Sizes[0]), 0, options, "warm-up");
            if (!warm.Completed)
            {
                throw new InvalidOperationException($"the warm-up election was not vetted: {warm.Failure}");
            }
            suite.Setup.Add($"warm-up: a first election of {warm.Size} candidates recorded and vetted (not counted): {warmUp.Elapsed.TotalSeconds:F0} s");
            long offset = 0;
            foreach (var size in options.Sizes)
            {
                var result = await RunSizeAsync(suite, population, provinces, size, offset, options);
                offset += size;
                results.Add(result);
                Console.WriteLine(result.Summary);
                if (!result.Completed)
                {
                    Console.Error.WriteLine(result.Summary);
                    Console.Error.WriteLine(suite.Diagnostics());
                    exitCode = 1;
                    break;
                }
            }
            if (results.LastOrDefault(r => r.Completed) is { } largest)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vetting_per_s={largest.PerSecond:F0}")); // bench/run.sh --quick passes it on
            }
            var peaks = suite.Services.ToDictionary(s => s.Key, s => s.Value.PeakRssMiB);
            Report(options, suite.Setup, results, peaks, await suite.LargestTablesAsync());
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"vetting benchmark failed: {e}");
            Console.Error.WriteLine(suite.Diagnostics());
            exitCode = 1;
        }
        return exitCode;
    }

    private static async Task<RunResult> RunSizeAsync(
        VettingSuite suite, VettingPopulation population, IReadOnlyList<string> provinces, int size, long offset, VettingBenchOptions options,
        string name = "bench")
    {
        var electionId = $"hdnd-tinh-{name}-{size}";
        var elections = new V1.ElectionService.ElectionServiceClient(suite.DelegateAffairs);
        var api = new V1.CandidateService.CandidateServiceClient(suite.DelegateAffairs);
        var perConstituency = options.PerConstituency;
        var constituencyCount = (size + perConstituency - 1) / perConstituency;

        Console.WriteLine($"{size:N0} candidates: election {electionId} with {constituencyCount:N0} constituencies of {SeatsPerConstituency} seats…");
        var setup = Stopwatch.StartNew();
        await elections.CreateElectionAsync(new V1.CreateElectionRequest
        {
            Election = new V1.Election
            {
                Id = electionId, Kind = V1.ElectionKind.ProvincialPeoplesCouncil, Term = "2026–2031", TermStartYear = 2026, TermEndYear = 2031,
                ElectionDay = ElectionDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LawCode = "85/2015/QH13",
                TotalSeats = constituencyCount * SeatsPerConstituency, CentralSeats = 0, LocalSeats = constituencyCount * SeatsPerConstituency,
            },
        });
        var constituencies = new string[constituencyCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, constituencyCount), new ParallelOptions { MaxDegreeOfParallelism = ConstituencyCallsAtOnce },
            async (k, cancellationToken) =>
            {
                var created = await api.CreateConstituencyAsync(new V1.CreateConstituencyRequest
                {
                    Constituency = new V1.Constituency
                    {
                        ElectionId = electionId, ProvinceCode = provinces[k % provinces.Count], Number = k / provinces.Count + 1, Seats = SeatsPerConstituency,
                    },
                }, cancellationToken: cancellationToken);
                constituencies[k] = created.Id;
            });
        var setupTime = setup.Elapsed;

        var expected = new Dictionary<string, int>();
        for (var j = 0; j < size; j++)
        {
            var outcome = population.ExpectedOutcome(population.Candidate(j, offset));
            expected[outcome] = expected.GetValueOrDefault(outcome) + 1;
        }

        var cpuBefore = suite.CpuSeconds();
        var walBefore = await suite.WalPositionAsync();
        var retriesBefore = suite.Retries;
        var latencies = new ConcurrentBag<double>();
        var batches = (size + BatchSize - 1) / BatchSize;
        var wait = options.WaitFor(size);
        Console.WriteLine($"{size:N0} candidates: {batches:N0} BatchCreateCandidates calls, {options.Parallel} at once; waiting at most {wait.TotalMinutes:F0} min for the answers");

        var watch = Stopwatch.StartNew();
        var calls = Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
            async (b, cancellationToken) =>
            {
                var request = new V1.BatchCreateCandidatesRequest { ElectionId = electionId };
                for (var j = b * BatchSize; j < Math.Min(size, (b + 1) * BatchSize); j++)
                {
                    var person = population.Candidate(j, offset);
                    request.Requests.Add(new V1.CreateCandidateRequest { Candidate = CandidateOf(population, person, constituencies[j / perConstituency]) });
                }
                var call = Stopwatch.StartNew();
                await api.BatchCreateCandidatesAsync(request, deadline: DateTime.UtcNow.AddMinutes(10), cancellationToken: cancellationToken);
                latencies.Add(call.Elapsed.TotalSeconds);
            });

        TimeSpan? apiTime = null, doneTime = null;
        long? vettedAtApiEnd = null;
        long vetted = 0, recorded = 0;
        var lastProgress = TimeSpan.Zero;
        var nextPrint = TimeSpan.FromSeconds(15);
        string? failure = null;
        await using (var connection = new NpgsqlConnection(suite.ConnectionString("delegate-affairs")))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*), count(*) FILTER (WHERE status = 'PENDING') FROM candidate_vettings WHERE election_id = @election", connection);
            count.Parameters.AddWithValue("election", electionId);
            while (true)
            {
                if (apiTime is null && calls.IsCompleted)
                {
                    try
                    {
                        await calls;
                    }
                    catch (Exception e) when (e is RpcException or AggregateException)
                    {
                        failure = $"a BatchCreateCandidates call failed: {e.Message}";
                        break;
                    }
                    apiTime = watch.Elapsed;
                }
                await using (var reader = await count.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    recorded = reader.GetInt64(0);
                    var now = recorded - reader.GetInt64(1);
                    if (now > vetted)
                    {
                        lastProgress = watch.Elapsed;
                    }
                    vetted = now;
                }
                if (apiTime is not null)
                {
                    vettedAtApiEnd ??= vetted;
                }
                if (apiTime is not null && recorded == size && vetted == size)
                {
                    doneTime = watch.Elapsed;
                    break;
                }
                if (watch.Elapsed > wait)
                {
                    failure = $"not all vetted within {wait.TotalMinutes:F0} min: {vetted:N0} of {size:N0}";
                    break;
                }
                if (watch.Elapsed - lastProgress > TimeSpan.FromMinutes(5))
                {
                    failure = $"no vetting finished for 5 minutes: {vetted:N0} of {size:N0} ({recorded:N0} recorded)";
                    break;
                }
                if (watch.Elapsed >= nextPrint)
                {
                    Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:F0} s: {recorded,9:N0} recorded, {vetted,9:N0} vetted{(apiTime is null ? "" : $" (API done at {apiTime.Value.TotalSeconds:F0} s)")}");
                    nextPrint += TimeSpan.FromSeconds(15);
                }
                // Between polls of the count; the loop ends at the deadline above.
                await Task.Delay(watch.Elapsed < TimeSpan.FromSeconds(10) ? 100 : watch.Elapsed < TimeSpan.FromMinutes(1) ? 250 : 1000);
            }
        }
        var cpuAfter = suite.CpuSeconds();
        var walAfter = await suite.WalPositionAsync();
        var retries = suite.Retries - retriesBefore;
        if (failure is not null && !calls.IsCompleted)
        {
            try
            {
                await calls.WaitAsync(TimeSpan.FromMinutes(10));
            }
            catch (Exception e) when (e is RpcException or AggregateException or TimeoutException)
            {
                // Reported below through the failure already named.
            }
        }

        var outcomes = await OutcomesAsync(suite, electionId);
        var answeredByBoth = await suite.ScalarAsync<long>("delegate-affairs", """
            SELECT count(*) FROM candidate_vettings v
            WHERE v.election_id = $1
              AND (SELECT count(DISTINCT a->>'body') FROM jsonb_array_elements(v.answers) a WHERE (a->>'request')::bigint >= v.request) = 2
            """, electionId);
        var answerBytes = await suite.ScalarAsync<decimal>("delegate-affairs",
            "SELECT coalesce(avg(octet_length(answers::text)), 0) FROM candidate_vettings WHERE election_id = $1", electionId);
        var queues = await suite.QueuesAsync();
        if (failure is null && answeredByBoth != size)
        {
            failure = $"only {answeredByBoth:N0} of {size:N0} vettings hold both bodies' answers to their latest request";
        }
        if (failure is null && queues.Failed > 0)
        {
            failure = $"messages in error queues: {queues.FailedQueues}";
        }
        if (failure is null && !SameOutcomes(expected, outcomes))
        {
            failure = $"outcomes {Mix(outcomes)}, where the data predicts {Mix(expected)}";
        }
        var sorted = latencies.Order().ToList();
        return new RunResult(
            size, constituencyCount, setupTime, apiTime, doneTime, vettedAtApiEnd ?? 0, vetted, failure,
            sorted.Count == 0 ? 0 : sorted[sorted.Count / 2], sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))],
            expected, outcomes, answeredByBoth, (double)answerBytes, queues.Failed, retries,
            cpuAfter.ToDictionary(c => c.Key, c => c.Value - cpuBefore.GetValueOrDefault(c.Key)),
            (double)(walAfter - walBefore) / (1024 * 1024),
            suite.Services.ToDictionary(s => s.Key, s => s.Value.PeakRssMiB));
    }

    private static V1.Candidate CandidateOf(VettingPopulation population, long person, string constituencyId)
    {
        var birth = VettingPopulation.BirthDate(person);
        if (VettingPopulation.BirthDateDiffers(person))
        {
            birth = birth.AddYears(1);
        }
        var candidate = new V1.Candidate
        {
            ConstituencyId = constituencyId,
            NationalId = VettingPopulation.NationalId(person),
            FullName = VettingPopulation.Name(person),
            BirthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sex = VettingPopulation.Female(person) ? V1.Sex.Female : V1.Sex.Male,
            Ethnicity = "Kinh",
            PartyMember = person < population.Cadres,
            Occupation = "Chuyên viên",
            Workplace = "Sở Nội vụ",
            Residence = "Phường Điện Biên, quận Ba Đình, Hà Nội",
            NominatingLevel = V1.NominatingLevel.Local,
        };
        candidate.DossierItems.AddRange(FullDossier);
        return candidate;
    }

    private static async Task<Dictionary<string, int>> OutcomesAsync(VettingSuite suite, string electionId)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("delegate-affairs"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, count(*) FROM candidate_vettings WHERE election_id = @election GROUP BY status", connection);
        command.Parameters.AddWithValue("election", electionId);
        await using var reader = await command.ExecuteReaderAsync();
        var outcomes = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            outcomes[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
        return outcomes;
    }

    private sealed record RunResult(
        int Size, int Constituencies, TimeSpan Setup, TimeSpan? Api, TimeSpan? Done, long VettedAtApiEnd, long Vetted, string? Failure,
        double CallP50, double CallP95, Dictionary<string, int> Expected, Dictionary<string, int> Outcomes, long AnsweredByBoth,
        double AnswerBytes, long Failed, int Retries, Dictionary<string, double> Cpu, double WalMiB, Dictionary<string, double> PeakRss)
    {
        private static readonly string[] Suite = ["delegate-affairs", "organization", "home-affairs", "postgres", "rabbitmq", "gateway", "bench"];

        /// <summary>CPU seconds the machine spent on other work than this suite during the run (other builds or tests).</summary>
        public double OtherCpu => Math.Max(0, Cpu.GetValueOrDefault("machine") - Suite.Sum(p => Cpu.GetValueOrDefault(p)));

        public bool Completed => Failure is null && Done is not null;

        public double PerSecond => Done is { } done ? Size / done.TotalSeconds : 0;

        public bool AsPredicted => SameOutcomes(Expected, Outcomes);

        public string Summary => Completed
            ? $"{Size:N0} candidates vetted in {Done!.Value.TotalSeconds:F1} s ({PerSecond:F0} a second): API {Api!.Value.TotalSeconds:F1} s, {Retries} retries, " +
              $"answers {(Done.Value - Api.Value).TotalSeconds:F1} s after it; outcomes {Mix(Outcomes)}{(AsPredicted ? " as the data predicts" : $", the data predicts {Mix(Expected)}")}"
            : $"{Size:N0} candidates: FAILED, {Failure}";
    }

    private static bool SameOutcomes(Dictionary<string, int> expected, Dictionary<string, int> outcomes) =>
        expected.OrderBy(e => e.Key).SequenceEqual(outcomes.OrderBy(o => o.Key));

    private static string Mix(Dictionary<string, int> outcomes) =>
        string.Join(", ", new[] { "ELIGIBLE", "NEEDS_REVIEW", "INELIGIBLE", "PENDING" }
            .Where(outcomes.ContainsKey).Select(k => $"{outcomes[k]:N0} {k.ToLowerInvariant().Replace('_', ' ')}"));

    private static string Command(VettingBenchOptions options)
    {
        var command = $"dotnet run -c Release --project bench/Platform.Bench -- vetting --candidates {string.Join(',', options.Sizes)} " +
            $"--cadres {options.Cadres} --officials {options.Officials}";
        if (options.Parallel != 4)
        {
            command += $" --parallel {options.Parallel}";
        }
        if (options.PerConstituency != 8)
        {
            command += $" --per-constituency {options.PerConstituency}";
        }
        return command;
    }

    private const string AnalysisHeading = "## What the figures say";

    private static void Report(VettingBenchOptions options, List<string> setup, List<RunResult> results, Dictionary<string, double> peaks,
        IReadOnlyList<(string Service, string Table, long Rows, double MiB)> tables)
    {
        var text = new StringBuilder();
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memoryGiB = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
        text.AppendLine("# Benchmark: bulk candidate vetting across the three bodies");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Run {DateTime.UtcNow:yyyy-MM-dd} on this machine ({Environment.ProcessorCount} cores, {memoryGiB:F0} GiB memory), Release build:");
        text.AppendLine();
        text.AppendLine($"    {Command(options)}");
        text.AppendLine();
        text.AppendLine("All of the suite's real parts, started by the benchmark under `.state/bench/vetting/`: PostgreSQL 15 with fsync on " +
            "(scripts/postgres.sh, default settings), a RabbitMQ node (scripts/rabbitmq.sh), the three services as separate Release " +
            "processes (each migrated by its `migrate` command) and the gateway as the Development token issuer. The candidates are " +
            "recorded through Delegate Affairs' gRPC API (`BatchCreateCandidates`, 1,000 a call, " +
            $"{options.Parallel} calls at once, with a `delegate-affairs-editor` token); each run is a fresh Provincial People's Council election " +
            $"with {options.PerConstituency} candidates in each of its 5-seat constituencies. A run is timed from its first call until no " +
            "vetting of the election is PENDING (a count on Delegate Affairs' database, polled with a deadline); it counts only if every " +
            "vetting then holds both bodies' answers to its latest request, no message went to an error queue and the outcomes are " +
            "those the data predicts. The answer deadline " +
            "(`Vetting__AnswerWithin`) is set to 3 hours, so that no vetting is ended by the deadline sweep instead of the answers.");
        text.AppendLine();
        text.AppendLine("The people: the Organization holds cadre records of the first people, Home Affairs official records of the first of them; " +
            "90 % of the candidates are known to both, 6 % to the Organization only, 4 % to neither. Of the records, a few percent " +
            "carry a recent discipline, an expulsion, a Regulation 205 sanction, a relative in a linked post or a discipline with no end " +
            "recorded, and 0.5 % of the candidacy files give another birth date (bench/Platform.Bench/VettingPopulation.cs). The benchmark " +
            "computes from the data what each candidate's outcome must be and compares.");
        text.AppendLine();
        foreach (var line in setup)
        {
            text.AppendLine($"- {line}");
        }
        text.AppendLine();
        text.AppendLine("| candidates | record them (API) | answers after the API | first call → last answer | vetted per second | call p50 / p95 | vetted when the API was done |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            if (r.Completed)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Size:N0} | {r.Api!.Value.TotalSeconds:F1} s ({r.Size / r.Api.Value.TotalSeconds:F0}/s) | {(r.Done!.Value - r.Api.Value).TotalSeconds:F1} s | " +
                    $"**{r.Done.Value.TotalSeconds:F1} s** | **{r.PerSecond:F0}** | {r.CallP50:F2} s / {r.CallP95:F2} s | {r.VettedAtApiEnd:N0} |");
            }
            else
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Size:N0} | not finished: {r.Failure} | | | | | |");
            }
        }
        text.AppendLine();
        text.AppendLine("| candidates | outcomes | as the data predicts | both bodies answered | answers held per candidate | WAL written | setting up the election |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Size:N0} | {Mix(r.Outcomes)} | {(r.AsPredicted ? "yes" : $"no: {Mix(r.Expected)}")} | {r.AnsweredByBoth:N0} | " +
                $"{r.AnswerBytes / 1024:F1} KiB | {r.WalMiB:N0} MiB | {r.Constituencies:N0} constituencies in {r.Setup.TotalSeconds:F0} s |");
        }
        text.AppendLine();
        var processes = new[] { "delegate-affairs", "organization", "home-affairs", "postgres", "rabbitmq" };
        text.AppendLine("CPU seconds used during each run (first call → last answer; the machine has " +
            $"{Environment.ProcessorCount} cores, so at most {Environment.ProcessorCount} CPU seconds per second of the run), " +
            "the consumers' retries (MassTransit's R-RETRY), and the services' peak resident memory (VmHWM, since they started):");
        text.AppendLine();
        text.AppendLine($"| candidates | {string.Join(" | ", processes)} | gateway + bench client | other work on the machine | consumer retries | " +
            $"peak RSS {string.Join(" / ", peaks.Keys)} |");
        text.AppendLine($"|---:|{string.Concat(processes.Select(_ => "---:|"))}---:|---:|---:|---|");
        foreach (var r in results.Where(r => r.Done is not null))
        {
            string Cpu(double seconds) => seconds.ToString("F0", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Size:N0} | {string.Join(" | ", processes.Select(p => Cpu(r.Cpu.GetValueOrDefault(p))))} | " +
                $"{Cpu(r.Cpu.GetValueOrDefault("gateway") + r.Cpu.GetValueOrDefault("bench"))} | {Cpu(r.OtherCpu)} | {r.Retries:N0} | " +
                $"{string.Join(" / ", r.PeakRss.Values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} MiB |");
        }
        text.AppendLine();
        text.AppendLine("Where the writes went: the largest tables of each service's database after the runs (with their indexes and TOAST; " +
            "the personnel files and the warm-up included):");
        text.AppendLine();
        text.AppendLine("| service | table | rows | size |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var (service, table, rows, mib) in tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {service} | {table} | {rows:N0} | {mib:N1} MiB |");
        }
        text.AppendLine();
        var path = options.ReportPath ?? (options.NationalScale
            ? Path.Combine(RepositoryPaths.Root, "docs", "benchmarks-vetting.md")
            : Path.Combine(RepositoryPaths.Root, ".state", "bench", "vetting", "report.md"));
        // The analysis under AnalysisHeading is written by hand: a new run replaces the figures above it and keeps it.
        if (File.Exists(path) && File.ReadAllText(path) is var existing && existing.IndexOf(AnalysisHeading, StringComparison.Ordinal) is var at and >= 0)
        {
            text.Append(existing[at..]);
        }
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"Written to {Path.GetRelativePath(RepositoryPaths.Root, path)}");
    }
}
