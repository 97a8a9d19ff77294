using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.DelegateAffairs.Infrastructure;
using Platform.HomeAffairs.Infrastructure;
using Platform.Organization.Infrastructure;
using Platform.ServiceDefaults.Hosting;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// Loads national-scale personnel data into the services' own schemas (their migrations) on a private,
/// durable PostgreSQL, then times the services' own list and search queries: keyset pages by name and
/// diacritic-insensitive name search on the trigram index. Prints a table and writes docs/benchmarks-scale.md.
/// </summary>
public static class ScaleBenchmark
{
    private const int PageSize = 50;

    /// <summary>The benchmark on a PostgreSQL server of its own under .state/bench/postgres, fsync on.</summary>
    public static async Task RunAsync(ScaleOptions options)
    {
        var dir = Path.Combine(RepositoryPaths.Root, ".state", "bench", "postgres");
        var port = FreePort.Next();
        var script = Path.Combine(RepositoryPaths.Scripts, "postgres.sh");
        await Shell.RunAsync(script, ["start", dir, port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await RunAsync(options, $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=60;Command Timeout=0");
        }
        finally
        {
            await Shell.RunAsync(script, ["stop", dir]);
        }
    }

    /// <summary>
    /// The benchmark on a running <paramref name="server"/> (superuser, no database): it creates, or drops and creates,
    /// bench_organization, bench_home_affairs and bench_delegate_affairs there.
    /// </summary>
    public static async Task RunAsync(ScaleOptions options, string server)
    {
        var results = new List<(string Query, string Data, Stats Stats)>();
        var load = new List<string>();

        await using (var org = await FreshAsync<OrganizationDbContext>(server, "bench_organization", o => new OrganizationDbContext(o)))
        {
            load.Add(await TimedAsync($"{options.Cadres:N0} cadre records", () => LoadPeopleAsync(org, "cadre_records", options.Cadres, 1, CadreColumns)));
            var data = $"{options.Cadres:N0} cadre records";
            results.Add(("first page by name", data, await SampleAsync(options.Samples, _ => org.CadreRecords.AsNoTracking().ToPageAsync(r => r.ListKey, PageRequest.Parse(PageSize, ""), default))));
            results.Add(("a page deep in the list", data, await SampleAsync(options.Samples, r => org.CadreRecords.AsNoTracking().ToPageAsync(x => x.ListKey, PageRequest.Parse(PageSize, DeepToken(r)), default))));
            results.Add(("name search (full name)", data, await SampleAsync(options.Samples, r => Search(org.CadreRecords.AsNoTracking(), FullNameQuery(r), x => x.SearchName, x => x.ListKey))));
            results.Add(("name search (given name)", data, await SampleAsync(options.Samples, r => Search(org.CadreRecords.AsNoTracking(), GivenNameQuery(r), x => x.SearchName, x => x.ListKey))));
            results.Add(("get by national ID", data, await SampleAsync(options.Samples, r =>
            {
                var id = SyntheticPeople.NationalId(r.Next(options.Cadres), 1);
                return org.CadreRecords.AsNoTracking().SingleOrDefaultAsync(x => x.NationalId == id);
            })));
        }
        await using (var ha = await FreshAsync<HomeAffairsDbContext>(server, "bench_home_affairs", o => new HomeAffairsDbContext(o)))
        {
            load.Add(await TimedAsync($"{options.Officials:N0} official records", () => LoadPeopleAsync(ha, "official_records", options.Officials, 2, OfficialColumns)));
            var data = $"{options.Officials:N0} official records";
            results.Add(("first page by name", data, await SampleAsync(options.Samples, _ => ha.OfficialRecords.AsNoTracking().ToPageAsync(r => r.ListKey, PageRequest.Parse(PageSize, ""), default))));
            results.Add(("name search (full name)", data, await SampleAsync(options.Samples, r => Search(ha.OfficialRecords.AsNoTracking(), FullNameQuery(r), x => x.SearchName, x => x.ListKey))));
        }
        await using (var da = await FreshAsync<DelegateAffairsDbContext>(server, "bench_delegate_affairs", o => new DelegateAffairsDbContext(o)))
        {
            load.Add(await TimedAsync($"{options.Candidates:N0} candidates", () => LoadPeopleAsync(da, "candidates", options.Candidates, 3, CandidateColumns)));
            var data = $"{options.Candidates:N0} candidates";
            results.Add(("first page of an election by name", data, await SampleAsync(options.Samples, _ =>
                da.Candidates.AsNoTracking().Where(c => c.ElectionId == "bench").ToPageAsync(c => c.ListKey, PageRequest.Parse(PageSize, ""), default))));
            results.Add(("name search in an election", data, await SampleAsync(options.Samples, r =>
                Search(da.Candidates.AsNoTracking().Where(c => c.ElectionId == "bench"), FullNameQuery(r), x => x.SearchName, x => x.ListKey))));
        }
        Report(options, load, results);
    }

    /// <summary>The services' search (<see cref="NameSearch"/>), first page.</summary>
    private static Task<Page<T>> Search<T>(IQueryable<T> query, string text,
        System.Linq.Expressions.Expression<Func<T, string>> searchName, System.Linq.Expressions.Expression<Func<T, string>> listKey) where T : class =>
        query.ToNameSearchPageAsync(searchName, listKey, text, PageRequest.Parse(PageSize, ""), default);

    private static string FullNameQuery(Random random) => SyntheticPeople.Name(random.Next(), random).ToLowerInvariant();
    private static string GivenNameQuery(Random random) => SyntheticPeople.Name(1, random).Split(' ')[^1];
    private static string DeepToken(Random random) => PageRequest.TokenAfter(VietnameseText.Fold(SyntheticPeople.Name(random.Next(), random)));

    private static async Task<TContext> FreshAsync<TContext>(string server, string database, Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
    {
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(server + $";Database={database}");
        var db = create(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>A row's columns: name → value and type, from a synthetic person.</summary>
    private delegate IEnumerable<(string Column, object Value, NpgsqlDbType Type)> Columns(int i, string nationalId, string name, string search, string listKey, Random random);

    private static IEnumerable<(string, object, NpgsqlDbType)> CadreColumns(int i, string id, string name, string search, string key, Random random) =>
    [
        ("national_id", id, NpgsqlDbType.Varchar), ("full_name", name, NpgsqlDbType.Varchar), ("search_name", search, NpgsqlDbType.Text),
        ("list_key", key, NpgsqlDbType.Varchar), ("birth_date", new DateOnly(1950, 1, 1).AddDays(random.Next(20000)), NpgsqlDbType.Date),
        ("sex", i % 2 == 0 ? "male" : "female", NpgsqlDbType.Varchar), ("position", "Đảng viên", NpgsqlDbType.Text),
        ("party_standing", "FullMember", NpgsqlDbType.Varchar), ("succession_plan_status", "NotPlanned", NpgsqlDbType.Varchar),
        ("discipline_records", "[]", NpgsqlDbType.Jsonb), ("regulation205findings", "[]", NpgsqlDbType.Jsonb), ("relatives_in_linked_posts", "[]", NpgsqlDbType.Jsonb),
    ];

    private static IEnumerable<(string, object, NpgsqlDbType)> OfficialColumns(int i, string id, string name, string search, string key, Random random) =>
    [
        ("national_id", id, NpgsqlDbType.Varchar), ("full_name", name, NpgsqlDbType.Varchar), ("search_name", search, NpgsqlDbType.Text),
        ("list_key", key, NpgsqlDbType.Varchar), ("birth_date", new DateOnly(1960, 1, 1).AddDays(random.Next(15000)), NpgsqlDbType.Date),
        ("sex", i % 2 == 0 ? "male" : "female", NpgsqlDbType.Varchar), ("ethnicity", "Kinh", NpgsqlDbType.Text), ("category", "CivilServant", NpgsqlDbType.Varchar),
        ("agency", "Bộ Nội vụ", NpgsqlDbType.Text), ("position", "Chuyên viên", NpgsqlDbType.Text), ("position_level", "Staff", NpgsqlDbType.Varchar),
        ("rank", "Chuyên viên", NpgsqlDbType.Text), ("education", "University", NpgsqlDbType.Varchar), ("discipline_records", "[]", NpgsqlDbType.Jsonb),
    ];

    private static IEnumerable<(string, object, NpgsqlDbType)> CandidateColumns(int i, string id, string name, string search, string key, Random random) =>
    [
        ("id", Guid.CreateVersion7(), NpgsqlDbType.Uuid), ("election_id", "bench", NpgsqlDbType.Text), ("constituency_id", $"bench/{i % 63:D2}-01", NpgsqlDbType.Text),
        ("province_code", $"{i % 63:D2}", NpgsqlDbType.Text), ("national_id", id, NpgsqlDbType.Varchar), ("full_name", name, NpgsqlDbType.Varchar),
        ("search_name", search, NpgsqlDbType.Text), ("list_key", key, NpgsqlDbType.Varchar), ("birth_date", new DateOnly(1960, 1, 1).AddDays(random.Next(15000)), NpgsqlDbType.Date),
        ("sex", i % 2 == 0 ? "Male" : "Female", NpgsqlDbType.Varchar), ("ethnicity", "Kinh", NpgsqlDbType.Text), ("party_member", true, NpgsqlDbType.Boolean),
        ("occupation", "", NpgsqlDbType.Text), ("workplace", "", NpgsqlDbType.Text), ("residence", "", NpgsqlDbType.Text), ("nominating_level", "Local", NpgsqlDbType.Varchar),
        ("re_elected", false, NpgsqlDbType.Boolean), ("full_time", false, NpgsqlDbType.Boolean), ("dossier_items", 31, NpgsqlDbType.Integer), ("status", "OfficialList", NpgsqlDbType.Varchar),
    ];

    /// <summary>Binary COPY of synthetic people into a service's table (its indexes in place, as in production).</summary>
    private static async Task LoadPeopleAsync(DbContext db, string table, int count, int idOffset, Columns columns)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(idOffset);
        var names = columns(0, "0", "", "", "", new Random(0)).Select(c => c.Column).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var id = SyntheticPeople.NationalId(i, idOffset);
                var (name, search, key) = NameSearch.Keys(SyntheticPeople.Name(i, random), id);
                await writer.StartRowAsync();
                foreach (var (_, value, type) in columns(i, id, name, search, key, random))
                {
                    await writer.WriteAsync(value, type);
                }
            }
            await writer.CompleteAsync();
        }
        await new NpgsqlCommand($"ANALYZE {table}", connection).ExecuteNonQueryAsync();
        await connection.CloseAsync();
    }

    private sealed record Stats(double P50, double P95, double Max);

    private static async Task<Stats> SampleAsync<T>(int samples, Func<Random, Task<T>> query)
    {
        var random = new Random(42);
        for (var i = 0; i < 5; i++)
        {
            await query(random); // warm-up: plans and caches
        }
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await query(random);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Stats(times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1]);
    }

    private static async Task<string> TimedAsync(string what, Func<Task> load)
    {
        var watch = Stopwatch.StartNew();
        await load();
        var line = $"{what}: loaded and indexed in {watch.Elapsed.TotalSeconds:F0} s";
        Console.WriteLine(line);
        return line;
    }

    private static void Report(ScaleOptions options, List<string> load, List<(string Query, string Data, Stats Stats)> results)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark: personnel data at national scale");
        text.AppendLine();
        text.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd} on this machine ({Environment.ProcessorCount} cores), PostgreSQL 15 with fsync on, Release build:");
        text.AppendLine($"`dotnet run -c Release --project bench/Platform.Bench -- scale --cadres {options.Cadres} --officials {options.Officials} --candidates {options.Candidates} --samples {options.Samples}`.");
        text.AppendLine("Each query is the one the service's API runs (keyset page of 50 by folded name; name search: a full name as a prefix of the name-ordered key, one word anywhere in the name on the trigram index), timed from the client, after 5 warm-up runs.");
        text.AppendLine();
        foreach (var line in load)
        {
            text.AppendLine($"- {line}");
        }
        text.AppendLine();
        text.AppendLine("| data | query | p50 ms | p95 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var (query, data, stats) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {data} | {query} | {stats.P50:F2} | {stats.P95:F2} | {stats.Max:F2} |");
        }
        Console.WriteLine(text);
        // Only a national-scale run replaces the published figures; a smaller one (bench/run.sh --smoke) writes under .state.
        var docs = options.Cadres >= 5_000_000 ? Path.Combine(RepositoryPaths.Root, "docs") : Path.Combine(RepositoryPaths.Root, ".state", "bench");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, options.Cadres >= 5_000_000 ? "benchmarks-scale.md" : "scale-report.md"), text.ToString());
    }
}
