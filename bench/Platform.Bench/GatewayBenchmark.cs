using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.HomeAffairs.V1;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// What the gateway costs: the same unary gRPC call (Home Affairs' GetAdministrativeUnit, one row by key) sent
/// directly to the service, through the gateway (Production, authentication and the per-client rate limit on),
/// through nginx (`grpc_pass`) and through HAProxy (`proto h2`), all in front of the same service process in one
/// run, interleaved round by round. Per variant: throughput at saturation, p50/p99 at a fixed moderate rate, and
/// the proxy's CPU per request at that rate. The full run also compares JSON through the gateway with the service's
/// own JSON transcoding.
/// </summary>
public static class GatewayBenchmark
{
    private const string GrpcPath = "/platform.homeaffairs.v1.AdministrativeUnitService/GetAdministrativeUnit";
    private const string JsonPath = "/api/home-affairs/v1/administrative-units/01";
    private const string UnitCode = "01";

    /// <summary>A way to reach the service: its port, what speaks there, and the proxy's CPU seconds so far (0 for none).</summary>
    /// <param name="Json">A GET of the JSON API instead of a gRPC call.</param>
    /// <param name="Http1">HTTP/1.1 (the gateway's JSON port) instead of h2c.</param>
    private sealed record Variant(string Name, string Url, Func<double> ProxyCpu, bool Json = false, bool Http1 = false);

    /// <summary>One variant's figures in one round.</summary>
    public sealed record Sample(string Variant, int Round, double Throughput, double P50, double P99, double ProxyCpuUsPerRequest, double ServiceCpuUsPerRequest);

    public static async Task<int> RunAsync(GatewayBenchOptions options)
    {
        await using var platform = new BenchPlatform("gateway");
        try
        {
            return await RunAsync(options, platform);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or RpcException)
        {
            Console.Error.WriteLine($"gateway benchmark failed: {e.Message}\n\n{platform.Diagnostics()}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(GatewayBenchOptions options, BenchPlatform platform)
    {
        Progress("PostgreSQL 15 (fsync on), RabbitMQ and the token issuer…");
        var loadBefore = LoadAverage();
        await platform.StartAsync();
        var homeAffairs = await platform.PrepareServiceAsync("home-affairs");
        platform.Launch(homeAffairs.Process);
        await BenchPlatform.WaitUntilHealthyAsync(homeAffairs.Process, homeAffairs.ReadyUrl);
        await homeAffairs.Process.RunCommandAsync("seed", TimeSpan.FromMinutes(5));
        var gateway = platform.NewGateway("gateway", new Dictionary<string, int> { ["home-affairs"] = homeAffairs.GrpcPort }, out var gatewayHttp, out var gatewayGrpc);
        platform.Launch(gateway);
        await BenchPlatform.WaitUntilHealthyAsync(gateway, $"http://127.0.0.1:{gatewayHttp}/healthz");
        PlatformProcess? baseline = null;
        var baselineGrpc = 0;
        if (options.Baseline is { Count: > 0 })
        {
            baseline = platform.NewGateway("gateway-baseline", new Dictionary<string, int> { ["home-affairs"] = homeAffairs.GrpcPort }, out var baselineHttp, out baselineGrpc,
                options.Baseline);
            platform.Launch(baseline);
            await BenchPlatform.WaitUntilHealthyAsync(baseline, $"http://127.0.0.1:{baselineHttp}/healthz");
        }
        await using var nginx = PeerProxy.Nginx(platform.State, homeAffairs.GrpcPort, upstreamKeepalive: Math.Max(256, options.Connections * options.Streams));
        await nginx.StartAsync(Path.Combine(platform.Logs, "nginx.log"));
        await using var haproxy = PeerProxy.HaProxy(platform.State, homeAffairs.GrpcPort);
        await haproxy.StartAsync(Path.Combine(platform.Logs, "haproxy.log"));

        var token = await platform.TokenAsync("home-affairs-viewer");
        string[] headers = ["content-type: application/grpc", "te: trailers", $"authorization: Bearer {token}"];
        var bodyFile = Path.Combine(platform.State, "get-administrative-unit.bin");
        await File.WriteAllBytesAsync(bodyFile, GrpcFrame(new GetAdministrativeUnitRequest { Code = UnitCode }));

        var service = homeAffairs.Process;
        List<Variant> variants =
        [
            new("direct", $"http://127.0.0.1:{homeAffairs.GrpcPort}{GrpcPath}", () => 0),
            new("gateway", $"http://127.0.0.1:{gatewayGrpc}{GrpcPath}", () => gateway.CpuSeconds),
            new("nginx", $"http://127.0.0.1:{nginx.Port}{GrpcPath}", () => nginx.CpuSeconds),
            new("haproxy", $"http://127.0.0.1:{haproxy.Port}{GrpcPath}", () => haproxy.CpuSeconds),
        ];
        if (baseline is not null)
        {
            variants.Insert(2, new("gateway-baseline", $"http://127.0.0.1:{baselineGrpc}{GrpcPath}", () => baseline.CpuSeconds));
        }
        Variant[] jsonVariants =
        [
            new("direct JSON", $"http://127.0.0.1:{homeAffairs.GrpcPort}{JsonPath}", () => 0, Json: true),
            new("gateway JSON", $"http://127.0.0.1:{gatewayHttp}{JsonPath}", () => gateway.CpuSeconds, Json: true, Http1: true),
        ];

        // h2load does not read grpc-status: a correct answer is known by its size, checked after every run.
        var answerBytes = 0L;
        foreach (var variant in variants)
        {
            answerBytes = await CheckAnswerAsync(variant.Url[..variant.Url.IndexOf(GrpcPath, StringComparison.Ordinal)], token);
        }
        await CheckRefusedAsync($"http://127.0.0.1:{gatewayGrpc}", token);
        var jsonBytes = await CheckJsonAnswerAsync($"http://127.0.0.1:{gatewayHttp}{JsonPath}", token);
        Progress($"every variant answers GetAdministrativeUnit({UnitCode}) correctly ({answerBytes} bytes of gRPC frame; {jsonBytes} bytes of JSON)");

        H2Load.Target Target(Variant v) => v.Json
            ? new H2Load.Target(v.Url, null, [$"authorization: Bearer {token}"], v.Http1)
            : new H2Load.Target(v.Url, bodyFile, headers);
        void Check(Variant v, H2LoadResult r, long bytesPerAnswer)
        {
            if (r.Failed > 0 || r.Requests == 0 || r.DataBytes < r.Requests * bytesPerAnswer)
            {
                throw new InvalidOperationException($"{v.Name}: {r.Failed} of {r.Requests + r.Failed} requests failed, or answers were short " +
                    $"({r.DataBytes} bytes of data for {r.Requests} answers of {bytesPerAnswer})");
            }
        }
        Task<H2LoadResult> Saturate(Variant v) => v.Http1
            // HTTP/1.1 has one request in flight per connection: as many connections as h2c has streams in flight.
            ? H2Load.SaturateAsync(Target(v), options.SaturationRequests / 2, options.Connections * options.Streams, 1)
            : H2Load.SaturateAsync(Target(v), v.Json ? options.SaturationRequests / 2 : options.SaturationRequests, options.Connections, options.Streams);

        Progress("warm-up (JIT, connection pools)…");
        foreach (var variant in options.Json ? [.. variants, .. jsonVariants] : variants)
        {
            Check(variant, await H2Load.SaturateAsync(Target(variant), Math.Min(5_000, options.SaturationRequests),
                variant.Http1 ? options.Connections * options.Streams : options.Connections, variant.Http1 ? 1 : options.Streams),
                variant.Json ? jsonBytes : answerBytes);
        }

        if (options.ProfileSeconds > 0)
        {
            await GatewayProfile.CollectAsync(gateway, Target(variants.Single(v => v.Name == "gateway")), TimeSpan.FromSeconds(options.ProfileSeconds), options, platform.State);
            return 0;
        }

        var samples = new List<Sample>();
        var jsonSamples = new List<Sample>();
        var logFile = Path.Combine(platform.State, "latency.log");
        for (var round = 1; round <= options.Rounds; round++)
        {
            var throughput = new Dictionary<string, double>();
            foreach (var variant in variants)
            {
                var result = await Saturate(variant);
                Check(variant, result, answerBytes);
                throughput[variant.Name] = result.RequestsPerSecond;
            }
            foreach (var variant in variants)
            {
                double proxyBefore = variant.ProxyCpu(), serviceBefore = service.CpuSeconds;
                var result = await H2Load.AtRateAsync(Target(variant), options.Rate, options.RateDuration, connections: 4, logFile, warmUpShare: 0.1);
                double proxyCpu = variant.ProxyCpu() - proxyBefore, serviceCpu = service.CpuSeconds - serviceBefore;
                Check(variant, result, answerBytes);
                var requests = result.Requests;
                samples.Add(new Sample(variant.Name, round, throughput[variant.Name], result.Percentile(50), result.Percentile(99),
                    proxyCpu * 1e6 / requests, serviceCpu * 1e6 / requests));
                Progress($"round {round}: {samples[^1]}");
            }
            if (options.Json)
            {
                foreach (var variant in jsonVariants)
                {
                    double proxyBefore = variant.ProxyCpu(), serviceBefore = service.CpuSeconds;
                    var result = await Saturate(variant);
                    double proxyCpu = variant.ProxyCpu() - proxyBefore, serviceCpu = service.CpuSeconds - serviceBefore;
                    Check(variant, result, jsonBytes);
                    jsonSamples.Add(new Sample(variant.Name, round, result.RequestsPerSecond, double.NaN, double.NaN,
                        proxyCpu * 1e6 / result.Requests, serviceCpu * 1e6 / result.Requests));
                    Progress($"round {round}: {jsonSamples[^1]}");
                }
            }
        }

        var figures = GatewayFigures.From(samples, jsonSamples);
        foreach (var line in figures.Lines())
        {
            Console.WriteLine(line);
        }
        if (baseline is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline_vs_direct_throughput_ratio={figures.ThroughputRatio("gateway-baseline").Median:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline_added_p50_ms={figures.AddedP50("gateway-baseline").Median:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline_cpu_us_per_request={figures.CpuPerRequest("gateway-baseline").Median:F1}"));
        }
        if (options.Mode != "quick")
        {
            // The footprint needs the processes to itself: the measured ones and the proxies are stopped first.
            if (baseline is not null)
            {
                await platform.StopAsync(baseline);
            }
            await platform.StopAsync(gateway);
            await platform.StopAsync(service);
            await nginx.DisposeAsync();
            await haproxy.DisposeAsync();
            var footprint = await FootprintBenchmark.MeasureAsync(platform, options.Mode == "smoke" ? 1 : 3,
                options.Mode == "smoke" ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(3));
            foreach (var line in FootprintBenchmark.Lines(footprint))
            {
                Console.WriteLine(line);
            }
            if (options.ReportPath is not null)
            {
                BenchmarksReport.WriteGateway(options, figures, footprint, loadBefore, LoadAverage());
            }
        }
        return 0;
    }

    /// <summary>A gRPC message as it travels in an HTTP/2 DATA frame: uncompressed flag, big-endian length, the protobuf bytes.</summary>
    private static byte[] GrpcFrame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        frame[1] = (byte)(payload.Length >> 24);
        frame[2] = (byte)(payload.Length >> 16);
        frame[3] = (byte)(payload.Length >> 8);
        frame[4] = (byte)payload.Length;
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Calls GetAdministrativeUnit at <paramref name="address"/> with a real client; the size of its answer's gRPC frame.</summary>
    private static async Task<long> CheckAnswerAsync(string address, string token)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new AdministrativeUnitService.AdministrativeUnitServiceClient(channel);
        var unit = await client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = UnitCode },
            new Metadata { { "authorization", $"Bearer {token}" } }, deadline: DateTime.UtcNow.AddSeconds(30));
        if (unit.Code != UnitCode)
        {
            throw new InvalidOperationException($"{address} answered unit {unit.Code} for {UnitCode}");
        }
        return 5 + unit.CalculateSize();
    }

    /// <summary>The gateway's gRPC path (authenticated by the bearer scheme alone) still refuses a call without a token and one with a forged signature.</summary>
    private static async Task CheckRefusedAsync(string gateway, string token)
    {
        using var channel = GrpcChannel.ForAddress(gateway);
        var client = new AdministrativeUnitService.AdministrativeUnitServiceClient(channel);
        var forged = token[..(token.LastIndexOf('.') + 1)] + new string('A', token.Length - token.LastIndexOf('.') - 1);
        foreach (var headers in new[] { new Metadata(), new Metadata { { "authorization", $"Bearer {forged}" } } })
        {
            try
            {
                await client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = UnitCode }, headers, deadline: DateTime.UtcNow.AddSeconds(30));
                throw new InvalidOperationException("the gateway answered a gRPC call without a valid token");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                // as it must
            }
        }
    }

    private static async Task<long> CheckJsonAnswerAsync(string url, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains($"\"{UnitCode}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {body}");
        }
        return System.Text.Encoding.UTF8.GetByteCount(body);
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " " + b);

    private static void Progress(string line) => Console.Error.WriteLine(line);
}

/// <summary>Medians (and min–max) over the rounds, each ratio and difference taken within its own round first.</summary>
public sealed record GatewayFigures(IReadOnlyList<GatewayBenchmark.Sample> Samples, IReadOnlyList<GatewayBenchmark.Sample> JsonSamples)
{
    public static GatewayFigures From(List<GatewayBenchmark.Sample> samples, List<GatewayBenchmark.Sample> json) => new(samples, json);

    public Spread Over(string variant, Func<GatewayBenchmark.Sample, double> value) => Spread.Of(Samples.Where(s => s.Variant == variant).Select(value));

    /// <summary>A variant's figure against the direct call's in the same round (ratio or difference), over the rounds.</summary>
    public Spread Against(string variant, Func<GatewayBenchmark.Sample, double> value, Func<double, double, double> compare, IReadOnlyList<GatewayBenchmark.Sample>? from = null, string direct = "direct") =>
        Spread.Of((from ?? Samples).Where(s => s.Variant == variant).Select(s =>
            compare(value(s), value((from ?? Samples).Single(d => d.Variant == direct && d.Round == s.Round)))));

    public Spread ThroughputRatio(string variant) => Against(variant, s => s.Throughput, (v, d) => v / d);
    public Spread AddedP50(string variant) => Against(variant, s => s.P50, (v, d) => v - d);
    public Spread AddedP99(string variant) => Against(variant, s => s.P99, (v, d) => v - d);
    public Spread CpuPerRequest(string variant) => Over(variant, s => s.ProxyCpuUsPerRequest);

    /// <summary>The issue's six figures, one per line, as bench/run.sh --quick prints them.</summary>
    public IEnumerable<string> Lines()
    {
        string F(string key, double value, string format) => $"{key}={value.ToString(format, CultureInfo.InvariantCulture)}";
        yield return F("gateway_vs_direct_throughput_ratio", ThroughputRatio("gateway").Median, "F3");
        yield return F("haproxy_vs_direct_throughput_ratio", ThroughputRatio("haproxy").Median, "F3");
        yield return F("gateway_added_p50_ms", AddedP50("gateway").Median, "F3");
        yield return F("nginx_added_p50_ms", AddedP50("nginx").Median, "F3");
        yield return F("gateway_cpu_us_per_request", CpuPerRequest("gateway").Median, "F1");
        yield return F("nginx_cpu_us_per_request", CpuPerRequest("nginx").Median, "F1");
    }
}

/// <summary>The median and the range of a figure over the rounds.</summary>
public sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Spread(double.NaN, double.NaN, double.NaN);
        }
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    public string Format(string format, string unit = "") =>
        Min == Max ? $"{Median.ToString(format, CultureInfo.InvariantCulture)}{unit}"
            : $"{Median.ToString(format, CultureInfo.InvariantCulture)}{unit} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})";
}
