using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// What a Prometheus server reads at /metrics of every process: text that promtool accepts, the README's metrics with
/// the type the README gives them, its counters there from the start at 0, and no connection string in a label.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class MetricsExpositionTests(PlatformFixture platform)
{
    /// <summary>The metrics README.md's Observability table names, with the type a scrape must show for each.</summary>
    private static readonly Dictionary<string, string> ReadmeMetrics = new()
    {
        ["http_server_request_duration_seconds"] = "histogram",
        ["platform_outbox_backlog"] = "gauge",
        ["platform_outbox_oldest_age_seconds"] = "gauge",
        ["platform_outbox_published_total"] = "counter",
        ["platform_outbox_publish_failures_total"] = "counter",
        ["platform_inbox_applied_total"] = "counter",
        ["platform_inbox_duplicates_suppressed_total"] = "counter",
        ["platform_error_queue_depth"] = "gauge",
        ["platform_joint_planning_conferences"] = "gauge",
        ["platform_joint_planning_participants"] = "gauge",
        ["platform_vetting_pending"] = "gauge",
        ["platform_vetting_needs_review"] = "gauge",
    };

    /// <summary>MassTransit's own counters the README names: MassTransit creates each with its first message or error.</summary>
    private static readonly string[] MassTransitCounters =
    [
        "messaging_masstransit_consume_ea_total", "messaging_masstransit_consume_retries_ea_total",
        "messaging_masstransit_consume_errors_ea_total", "messaging_masstransit_receive_errors_ea_total",
    ];

    /// <summary>The counters of our own that a process exports at 0 before anything happened.</summary>
    private static readonly string[] OwnCounters =
    [
        "platform_outbox_published_total", "platform_outbox_publish_failures_total",
        "platform_inbox_applied_total", "platform_inbox_duplicates_suppressed_total",
    ];

    /// <summary>
    /// The one promtool lint rule we accept, and only for metrics that are not ours: the OpenTelemetry semantic
    /// conventions name some gauges "….count" (dotnet.assembly.count, dotnet.timer.count, dotnet.process.cpu.count,
    /// db.client.connection.count), which the exporter writes as "…_count" and promtool would keep for histograms.
    /// Those names come from .NET and Npgsql and are what dashboards built on the conventions query; renaming them
    /// here would break those dashboards for a lint rule.
    /// </summary>
    private const string SemanticConventionCountSuffix = "non-histogram and non-summary metrics should not have \"_count\" suffix";

    /// <summary>
    /// The other, for MassTransit's own histograms alone: it records durations in milliseconds
    /// (messaging_masstransit_consume_duration_milliseconds and its kin, which appear with the first message), where
    /// promtool wants seconds. They are MassTransit's names, which the README lists as the exporter writes them.
    /// </summary>
    private static bool IsMassTransitMilliseconds(string finding) =>
        finding.StartsWith("messaging_masstransit_", StringComparison.Ordinal)
        && finding.EndsWith("use base unit \"seconds\" instead of \"milliseconds\"", StringComparison.Ordinal);

    [Fact]
    public void The_readme_names_every_metric_this_test_checks()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (var name in ReadmeMetrics.Keys.Append(MassTransitCounters[0]))
        {
            Assert.Contains($"`{name}`", readme);
        }
        foreach (var name in MassTransitCounters.Skip(1))
        {
            Assert.Contains($"`…{name["messaging_masstransit".Length..]}`", readme); // the README abbreviates the rest
        }
    }

    [Fact]
    public async Task Every_process_s_metrics_pass_promtool_name_no_connection_string_and_type_the_readme_s_metrics_as_it_says()
    {
        var scrapes = new Dictionary<string, string>();
        foreach (var (name, _, _) in PlatformFixture.ServiceDefinitions)
        {
            // The gauges read from a database appear with their first round, right after the start.
            scrapes[name] = await Poll.UntilAsync(async () => await ScrapeAsync(platform.ServiceHttpUrl(name)) is var text
                && (name != "delegate-affairs" || text.Contains("\nplatform_vetting_pending{", StringComparison.Ordinal))
                && text.Contains("\nplatform_joint_planning_participants{", StringComparison.Ordinal) ? text : null,
                $"{name}'s gauges");
        }
        await platform.Gateway.GetAsync("/api/home-affairs/v1/administrative-units?page_size=1"); // a request through the gateway
        scrapes["gateway"] = await ScrapeAsync(new Uri(platform.GatewayUrl));

        foreach (var (process, text) in scrapes)
        {
            var (exitCode, findings) = await PromtoolCheckAsync(text);
            Assert.True(exitCode is 0 or 3, $"promtool could not parse {process}'s /metrics (exit {exitCode}):\n{findings}");
            var unexpected = findings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(finding => finding.StartsWith("platform_", StringComparison.Ordinal)
                    || !(finding.EndsWith(SemanticConventionCountSuffix, StringComparison.Ordinal) || IsMassTransitMilliseconds(finding)))
                .ToList();
            Assert.True(unexpected.Count == 0, $"promtool's lint of {process}'s /metrics:\n{string.Join('\n', unexpected)}");

            foreach (var value in LabelValues().Matches(text).Select(match => match.Groups[1].Value))
            {
                Assert.False(value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Username=", StringComparison.OrdinalIgnoreCase)
                    || value.Contains("Password", StringComparison.OrdinalIgnoreCase), $"{process} exports the label value {value}");
            }
        }
        Assert.Contains("db_client_connection_pool_name=\"Platform.Organization\"", scrapes["organization"]);

        var all = string.Join('\n', scrapes.Values);
        foreach (var (metric, type) in ReadmeMetrics)
        {
            Assert.Contains($"# TYPE {metric} {type}\n", all);
        }
        foreach (var metric in MassTransitCounters.Where(metric => all.Contains($"# TYPE {metric} ", StringComparison.Ordinal)))
        {
            Assert.Contains($"# TYPE {metric} counter\n", all);
        }
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", scrapes["gateway"]);
    }

    [Fact]
    public async Task A_fresh_service_exports_its_outbox_and_inbox_counters_at_0_before_anything_happened()
    {
        // Its own database and virtual host: nothing for it to relay or consume, so every counter must read 0.
        var (name, folder, assembly) = PlatformFixture.ServiceDefinitions.Single(s => s.Name == "organization");
        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        var database = await PostgresServer.Instance.CreateEmptyDatabaseAsync("fresh_organization");
        await using var fresh = new PlatformProcess($"fresh-{name}", RepositoryPaths.Dll(folder, assembly), new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = database, // the service's role, as the platform runs
            ["ConnectionStrings__Migrations"] = PostgresServer.AsOwner(database), // migrate as the owner of the tables
            ["ConnectionStrings__RabbitMq"] = await platform.Broker.CreateVirtualHostAsync("fresh"),
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Authentication__Authority"] = platform.GatewayUrl,
        });
        await fresh.RunCommandAsync("migrate");
        fresh.Start();
        var url = new Uri($"http://127.0.0.1:{httpPort}/");
        var text = await Poll.UntilAsync(async () =>
        {
            Assert.False(fresh.HasExited, fresh.RecentOutput);
            try
            {
                return await ScrapeAsync(url);
            }
            catch (HttpRequestException)
            {
                return null; // not listening yet
            }
        }, "the fresh service's /metrics", PlatformFixture.Timeout);

        foreach (var counter in OwnCounters)
        {
            var samples = Samples(text, counter);
            Assert.True(samples.Count > 0, $"{counter} is missing:\n{text}");
            Assert.All(samples, sample => Assert.Equal("0", sample.Value));
        }
        var consumers = Samples(text, "platform_inbox_applied_total").Select(sample => sample.Labels).ToHashSet();
        Assert.Equal(consumers, Samples(text, "platform_inbox_duplicates_suppressed_total").Select(sample => sample.Labels).ToHashSet());
        Assert.Contains(consumers, labels => labels.Contains("consumer=\"joint-planning.participation-changed\"", StringComparison.Ordinal));
        Assert.Contains(consumers, labels => labels.Contains("consumer=\"Platform.Organization.IntegrationEvents.AdministrativeUnitChangedConsumer\"", StringComparison.Ordinal));
    }

    private static async Task<string> ScrapeAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        return await http.GetStringAsync("/metrics");
    }

    /// <summary>The samples of one metric: its label block (or "") and its value.</summary>
    private static List<(string Labels, string Value)> Samples(string text, string metric) =>
        [.. text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Select(line => line[metric.Length..])
            .Select(rest => rest.StartsWith('{') ? (rest[..(rest.IndexOf('}') + 1)], rest[(rest.IndexOf('}') + 1)..].Trim().Split(' ')[0])
                : ("", rest.Trim().Split(' ')[0]))];

    /// <summary>`promtool check metrics` over the text: exit 0 clean, 3 lint findings only, 1 not parseable; and what it said.</summary>
    private static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("promtool is missing: run scripts/install.sh (Debian's prometheus package)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(exposition);
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    [GeneratedRegex("=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelValues();
}
