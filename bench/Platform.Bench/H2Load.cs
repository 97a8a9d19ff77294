using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>One h2load run and what it reported.</summary>
/// <param name="Requests">Requests that got a 2xx answer.</param>
/// <param name="Failed">Requests that failed, errored, timed out or got no 2xx.</param>
/// <param name="DataBytes">Response body bytes received (gRPC frames or JSON): an error answer has none, which the caller checks.</param>
/// <param name="LatenciesMs">Per-request latencies from h2load's log file, sorted, after the warm-up share is dropped (empty unless asked).</param>
public sealed record H2LoadResult(double RequestsPerSecond, long Requests, long Failed, long DataBytes, double[] LatenciesMs)
{
    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN
        : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1)];
}

/// <summary>
/// nghttp2's h2load (Debian's nghttp2-client) as the load generator: raw gRPC frames from a file (`-d`) or plain GETs,
/// many streams on few connections, and either a fixed request count as fast as it goes (saturation) or a fixed rate
/// (`--rps`, per connection) with each request's latency written to a log file. h2load does not read grpc-status, so
/// every caller checks the response bytes against the size of a correct answer.
/// </summary>
public static class H2Load
{
    /// <summary>One request, as h2load sends it.</summary>
    /// <param name="BodyFile">The request body (a length-prefixed protobuf message) or null for a GET.</param>
    /// <param name="Http1">HTTP/1.1 instead of h2c (the gateway's JSON port speaks only HTTP/1.1).</param>
    public sealed record Target(string Url, string? BodyFile, IReadOnlyList<string> Headers, bool Http1 = false);

    /// <summary>As fast as it goes: <paramref name="requests"/> requests over <paramref name="connections"/> connections of <paramref name="streams"/> streams each.</summary>
    public static Task<H2LoadResult> SaturateAsync(Target target, int requests, int connections, int streams) =>
        RunAsync(target, ["-n", N(requests), "-c", N(connections), "-m", N(streams)], logFile: null, warmUpShare: 0);

    /// <summary>As fast as it goes for a while (to profile a proxy under load).</summary>
    public static Task<H2LoadResult> SaturateForAsync(Target target, TimeSpan duration, int connections, int streams) =>
        RunAsync(target, ["-D", N((int)duration.TotalSeconds), "-c", N(connections), "-m", N(streams)], logFile: null, warmUpShare: 0);

    /// <summary>
    /// A fixed rate for a fixed time: <paramref name="rate"/> requests a second spread over <paramref name="connections"/>
    /// connections, each request's latency logged; the first <paramref name="warmUpShare"/> of the requests are not counted.
    /// </summary>
    public static Task<H2LoadResult> AtRateAsync(Target target, int rate, TimeSpan duration, int connections, string logFile, double warmUpShare)
    {
        var perConnection = Math.Max(1, rate / connections);
        var requests = (int)(perConnection * connections * duration.TotalSeconds);
        return RunAsync(target, ["-n", N(requests), "-c", N(connections), "-m", "16", "--rps", N(perConnection)], logFile, warmUpShare);
    }

    private static async Task<H2LoadResult> RunAsync(Target target, string[] load, string? logFile, double warmUpShare)
    {
        List<string> arguments = [.. load, "-t", "1"];
        if (target.BodyFile is not null)
        {
            arguments.AddRange(["-d", target.BodyFile]);
        }
        if (target.Http1)
        {
            arguments.Add("--h1");
        }
        foreach (var header in target.Headers)
        {
            arguments.AddRange(["-H", header]);
        }
        if (logFile is not null)
        {
            File.Delete(logFile);
            arguments.Add("--log-file=" + logFile);
        }
        arguments.Add(target.Url);
        var output = await Shell.RunAsync("h2load", arguments, timeout: TimeSpan.FromMinutes(10));

        var rps = Number(output, @"finished in [\d.]+\w+, ([\d.]+) req/s");
        var total = (long)Number(output, @"requests: (\d+) total");
        var succeeded = Math.Min((long)Number(output, @"requests: .*?(\d+) succeeded"), (long)Number(output, @"status codes: (\d+) 2xx"));
        var data = (long)Number(output, @"traffic: .*?\((\d+)\) data");
        var latencies = logFile is null ? [] : ReadLatencies(logFile, warmUpShare);
        return new H2LoadResult(rps, succeeded, total - succeeded, data, latencies);
    }

    /// <summary>The log's third column (µs until the end of the response), in ms, without the first requests by start time.</summary>
    private static double[] ReadLatencies(string logFile, double warmUpShare)
    {
        var rows = File.ReadLines(logFile)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 3 && columns[1].StartsWith('2'))
            .Select(columns => (Start: long.Parse(columns[0], CultureInfo.InvariantCulture), Micros: long.Parse(columns[2], CultureInfo.InvariantCulture)))
            .OrderBy(row => row.Start)
            .ToList();
        return rows.Skip((int)(rows.Count * warmUpShare)).Select(row => row.Micros / 1000.0).Order().ToArray();
    }

    private static double Number(string output, string pattern)
    {
        var match = Regex.Match(output, pattern);
        if (!match.Success)
        {
            throw new InvalidOperationException($"h2load's output has no match for /{pattern}/:\n{output}");
        }
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
