using Platform.Contracts.Routing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using DelegateAffairsV1 = Platform.DelegateAffairs.V1;
using HomeAffairsV1 = Platform.HomeAffairs.V1;

namespace Platform.Bench;

/// <summary>
/// A mixed load through the gateway, open loop: requests start at a fixed rate whether or not earlier ones have
/// answered, and each latency is counted from the request's scheduled start (so a stalled system shows as latency,
/// not as a lower rate). The mix, by weight: JSON reads of lists and details from the three bodies (HTTP/1.1),
/// gRPC reads (h2c), and renames of administrative units at Home Affairs (a gRPC Get for the etag once, then
/// UpdateAdministrativeUnit; each rename is replicated to the two copies by events). Four clients share the load
/// (each body's viewer and Home Affairs' editor), each under the gateway's per-client rate limit as configured.
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    public const string ElectionId = "quoc-hoi-xv"; // the seed's election of 2021

    private readonly HttpClient _json;
    private readonly GrpcChannel _grpc;
    private readonly IReadOnlyDictionary<string, string> _tokens;
    private readonly string[] _unitCodes;
    private readonly Dictionary<string, HomeAffairsV1.AdministrativeUnit?> _lastWritten;
    private readonly Dictionary<string, SemaphoreSlim> _unitLocks;
    private readonly LoadOperation[] _schedule;
    private long _writes;

    private LoadGenerator(HttpClient json, GrpcChannel grpc, IReadOnlyDictionary<string, string> tokens, string[] unitCodes)
    {
        _json = json;
        _grpc = grpc;
        _tokens = tokens;
        _unitCodes = unitCodes;
        _lastWritten = unitCodes.ToDictionary(c => c, _ => (HomeAffairsV1.AdministrativeUnit?)null);
        _unitLocks = unitCodes.ToDictionary(c => c, _ => new SemaphoreSlim(1, 1));
        Operations =
        [
            new("JSON list: Home Affairs' administrative units (page of 50)", "json read", "home-affairs-viewer", 25,
                (client, _) => Json(client, "/api/home-affairs/v1/administrative-units?page_size=50")),
            new("JSON get: the Organization's copy of a unit", "json read", "organization-viewer", 15,
                (client, i) => Json(client, $"/api/organization/v1/administrative-units/{Code(i)}")),
            new("JSON list: the 2021 election's candidates (page of 50)", "json read", "delegate-affairs-viewer", 15,
                (client, _) => Json(client, $"/api/delegate-affairs/v1/elections/{ElectionId}/candidates?page_size=50")),
            new("JSON list: Party congresses (page of 50)", "json read", "organization-viewer", 10,
                (client, _) => Json(client, "/api/organization/v1/party-congresses?page_size=50")),
            new("gRPC ListCandidates (page of 50)", "grpc read", "delegate-affairs-viewer", 10,
                (client, _) => Grpc(client, (channel, headers) => new DelegateAffairsV1.CandidateService.CandidateServiceClient(channel)
                    .ListCandidatesAsync(new DelegateAffairsV1.ListCandidatesRequest { ElectionId = ElectionId, PageSize = 50 }, headers).ResponseAsync)),
            new("gRPC GetAdministrativeUnit (Home Affairs)", "grpc read", "home-affairs-viewer", 10,
                (client, i) => Grpc(client, (channel, headers) => new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(channel)
                    .GetAdministrativeUnitAsync(new HomeAffairsV1.GetAdministrativeUnitRequest { Code = Code(i) }, headers).ResponseAsync)),
            new("gRPC ListAdministrativeUnits (Delegate Affairs' copy)", "grpc read", "delegate-affairs-viewer", 10,
                (client, _) => Grpc(client, (channel, headers) => new Platform.ReferenceData.V1.AdministrativeUnitCopyService.AdministrativeUnitCopyServiceClient(channel.ForBody(BodyRouting.DelegateAffairs))
                    .ListAdministrativeUnitsAsync(new Platform.ReferenceData.V1.ListAdministrativeUnitsRequest { PageSize = 50 }, headers).ResponseAsync)),
            new("gRPC UpdateAdministrativeUnit (a rename, replicated by events)", "write", "home-affairs-editor", 5, (client, _) => RenameAsync(client)),
        ];
        // A fixed, shuffled order of the weights' slots: the mix is the same in every second of the run.
        var slots = Operations.SelectMany(o => Enumerable.Repeat(o, o.Weight)).ToArray();
        new Random(20201).Shuffle(slots);
        _schedule = slots;
    }

    public IReadOnlyList<LoadOperation> Operations { get; }

    /// <summary>The clients whose tokens the load uses.</summary>
    public static readonly string[] Clients = ["home-affairs-viewer", "organization-viewer", "delegate-affairs-viewer", "home-affairs-editor"];

    /// <summary>The largest share of the requests one client sends, for the rate limit.</summary>
    public double LargestClientShare =>
        Clients.Max(c => Operations.Where(o => o.Client == c).Sum(o => o.Weight)) / (double)Operations.Sum(o => o.Weight);

    public static async Task<LoadGenerator> CreateAsync(LoadSuite suite)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var client in Clients)
        {
            tokens[client] = await suite.TokenAsync(client);
        }
        var json = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(suite.GatewayHttp),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var grpc = GrpcChannel.ForAddress(suite.GatewayGrpc, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var units = await new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(grpc).ListAdministrativeUnitsAsync(
            new HomeAffairsV1.ListAdministrativeUnitsRequest { PageSize = 100 },
            new Metadata { { "Authorization", "Bearer " + tokens["home-affairs-viewer"] } });
        return new LoadGenerator(json, grpc, tokens, units.AdministrativeUnits.Select(u => u.Code).ToArray());
    }

    /// <summary>Runs the mix at <paramref name="rate"/> requests a second for <paramref name="duration"/>; returns what happened.</summary>
    public async Task<LoadResult> RunAsync(int rate, TimeSpan duration)
    {
        var result = new LoadResult(Operations);
        var total = (long)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        long issued = 0;
        while (issued < total)
        {
            var now = clock.Elapsed;
            while (issued < total && TimeSpan.FromSeconds((double)issued / rate) <= now)
            {
                var scheduled = TimeSpan.FromSeconds((double)issued / rate);
                var operation = _schedule[issued % _schedule.Length];
                var index = issued;
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await operation.Run(operation.Client, index);
                        result.Succeeded(operation, clock.Elapsed - scheduled);
                    }
                    catch (RateLimitedException)
                    {
                        result.RateLimited(operation);
                    }
                    catch (Exception e)
                    {
                        result.Failed(operation, e.Message);
                    }
                }));
                issued++;
            }
            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
            if (issued < total)
            {
                await tick.WaitForNextTickAsync();
            }
        }
        await Task.WhenAll(inFlight);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private string Code(long i) => _unitCodes[(int)(i % _unitCodes.Length)];

    private async Task Json(string client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[client]);
        using var response = await _json.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new RateLimitedException();
        }
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Length == 0)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
    }

    private async Task Grpc(string client, Func<GrpcChannel, Metadata, Task> call)
    {
        try
        {
            await call(_grpc, new Metadata { { "Authorization", "Bearer " + _tokens[client] } });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            throw new RateLimitedException(); // the gateway's limiter answers a gRPC call with ResourceExhausted (and Retry-After)
        }
    }

    /// <summary>Renames the next province in turn (one rename of a unit at a time, so its etag is current).</summary>
    private async Task RenameAsync(string client)
    {
        var code = Code(Interlocked.Increment(ref _writes));
        var units = new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(_grpc);
        var headers = new Metadata { { "Authorization", "Bearer " + _tokens[client] } };
        await _unitLocks[code].WaitAsync();
        try
        {
            var unit = _lastWritten[code] ?? await units.GetAdministrativeUnitAsync(new HomeAffairsV1.GetAdministrativeUnitRequest { Code = code }, headers);
            var at = unit.Name.LastIndexOf(" #", StringComparison.Ordinal);
            var name = $"{(at < 0 ? unit.Name : unit.Name[..at])} #{Interlocked.Read(ref _writes)}";
            _lastWritten[code] = await units.UpdateAdministrativeUnitAsync(new HomeAffairsV1.UpdateAdministrativeUnitRequest
            {
                AdministrativeUnit = new HomeAffairsV1.AdministrativeUnit { Code = code, Name = name, Etag = unit.Etag },
                UpdateMask = new FieldMask { Paths = { "name" } },
            }, headers);
        }
        finally
        {
            _unitLocks[code].Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _json.Dispose();
        _grpc.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class RateLimitedException() : Exception("429 Too Many Requests");
}

/// <summary>One kind of request in the mix: its weight and the client whose token it carries.</summary>
public sealed record LoadOperation(string Name, string Kind, string Client, int Weight, Func<string, long, Task> Run);

/// <summary>Latencies (ms from the scheduled start), 429s and failures, by operation.</summary>
public sealed class LoadResult(IReadOnlyList<LoadOperation> operations)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<LoadOperation, List<double>> _latencies = operations.ToDictionary(o => o, _ => new List<double>());
    private readonly Dictionary<LoadOperation, int> _limited = operations.ToDictionary(o => o, _ => 0);
    private readonly Dictionary<LoadOperation, int> _failed = operations.ToDictionary(o => o, _ => 0);
    private readonly Dictionary<string, int> _failures = new();

    public TimeSpan Elapsed { get; set; }
    public IReadOnlyList<LoadOperation> Operations => operations;
    /// <summary>The kinds of failure (operation and message), most frequent first, with their counts.</summary>
    public IReadOnlyList<string> FirstFailures
    {
        get { lock (_lock) { return _failures.OrderByDescending(f => f.Value).Take(10).Select(f => $"{f.Value} × {f.Key}").ToList(); } }
    }

    public void Succeeded(LoadOperation operation, TimeSpan latency)
    {
        lock (_lock)
        {
            _latencies[operation].Add(latency.TotalMilliseconds);
        }
    }

    public void RateLimited(LoadOperation operation)
    {
        lock (_lock)
        {
            _limited[operation]++;
        }
    }

    public void Failed(LoadOperation operation, string message)
    {
        lock (_lock)
        {
            _failed[operation]++;
            var key = $"{operation.Name}: {message[..Math.Min(message.Length, 160)]}";
            _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }
    }

    public IReadOnlyList<double> Latencies(LoadOperation? operation = null, string? kind = null)
    {
        lock (_lock)
        {
            return _latencies.Where(p => (operation is null || p.Key == operation) && (kind is null || p.Key.Kind == kind))
                .SelectMany(p => p.Value).Order().ToList();
        }
    }

    public int Limited(LoadOperation? operation = null) { lock (_lock) { return _limited.Where(p => operation is null || p.Key == operation).Sum(p => p.Value); } }
    public int Failures(LoadOperation? operation = null) { lock (_lock) { return _failed.Where(p => operation is null || p.Key == operation).Sum(p => p.Value); } }
    public int Requests => Latencies().Count + Limited() + Failures();

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
