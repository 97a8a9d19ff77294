using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// Random and boundary requests to every RPC of the contracts, over gRPC (h2c) and over its JSON route, through the
/// gateway with the token of a writer of the body: never Internal, Unknown or 5xx, every InvalidArgument names its
/// field, a rejected write leaves no audit entry behind, and every process still runs afterwards. The gateway here
/// is a second one beside the suite's, with a rate limit the fuzzer does not reach (a 429 would only hide requests).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FuzzTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private readonly FuzzSettings _settings = FuzzSettings.FromEnvironment();
    private readonly Dictionary<(string Body, string Role), string> _tokens = [];
    private PlatformProcess _gateway = null!;
    private string _http = "", _grpc = "";

    public async Task InitializeAsync()
    {
        await Provinces.EnsureAsync(platform);
        int http = FreePort.Next(), grpc = FreePort.Next();
        var settings = platform.GatewaySettings.ToDictionary();
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Authentication__RequireHttpsMetadata"] = "false";
        settings["Kestrel__Endpoints__Http__Url"] = _http = $"http://127.0.0.1:{http}";
        settings["Kestrel__Endpoints__Grpc__Url"] = _grpc = $"http://127.0.0.1:{grpc}";
        settings["Gateway__RateLimit__PermitLimit"] = "10000000";
        _gateway = new PlatformProcess("fuzz-gateway", PlatformFixture.GatewayDll, settings);
        _gateway.Start();
        using var probe = new HttpClient { BaseAddress = new Uri(_http) };
        await Poll.UntilAsync(async () => (await probe.GetAsync("/healthz")).IsSuccessStatusCode, "the fuzzing gateway");
        foreach (var rpc in ContractSurface.All.DistinctBy(r => (r.Body, r.Role)))
        {
            _tokens[(rpc.Body, rpc.Role)] = await platform.TokenAsync($"{rpc.Body}-{rpc.Role}");
        }
        foreach (var body in PlatformFixture.ServiceDefinitions.Select(s => s.Name))
        {
            _tokens[(body, "viewer")] = await platform.TokenAsync($"{body}-viewer");
        }
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public Task Every_rpc_over_grpc_answers_random_and_boundary_requests_with_a_clear_status() =>
        RunAsync("gRPC", ContractSurface.All, async (rpc, random, pool, index) =>
        {
            var protos = new ProtoRequests(new FuzzValues(random, pool))
            {
                MaskTarget = rpc.Method.InputType.Fields.InDeclarationOrder()
                    .FirstOrDefault(f => f.FieldType == FieldType.Message && f.MessageType.FullName != FieldMask.Descriptor.FullName)?.MessageType,
            };
            var bytes = protos.Wire(protos.Build(rpc.Method.InputType));
            var request = $"{protos.Spoiled} base64:{Convert.ToBase64String(bytes.Length > 3000 ? bytes[..3000] : bytes)}{(bytes.Length > 3000 ? $"… ({bytes.Length} bytes)" : "")}";
            try
            {
                var response = await Channel(rpc).CreateCallInvoker()
                    .CallAsync(rpc.Method.Service.FullName, rpc.Method.Name, bytes, new CallOptions(deadline: DateTime.UtcNow + CallTimeout));
                pool.Harvest(rpc.Method.OutputType.Parser.ParseFrom(response));
                return (true, null, request);
            }
            catch (RpcException exception)
            {
                return (false, Verdicts.OfGrpc(rpc, exception.StatusCode, exception.Status.Detail, exception.Trailers), request);
            }
        });

    [Fact]
    public Task Every_json_route_answers_random_and_boundary_requests_without_a_5xx() =>
        RunAsync("JSON", ContractSurface.All.Where(r => r.Http is not null).ToList(), async (rpc, random, pool, index) =>
        {
            var request = new JsonRequests(new FuzzValues(random, pool)).Build(rpc);
            using var message = new HttpRequestMessage(new HttpMethod(request.Verb), request.PathAndQuery);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
                // As a well-behaved client sends a large body: the gateway's early 413 then arrives as an answer
                // instead of a connection reset halfway through the upload.
                message.Headers.ExpectContinue = request.Body.Length > 64 * 1024;
            }
            HttpResponseMessage response;
            try
            {
                response = await Http(rpc.Body, rpc.Role).SendAsync(message);
            }
            catch (Exception exception) when (RequestLineLimit.RefusedByClosing(exception, request.Verb, request.PathAndQuery))
            {
                return (false, null, request.ToString());
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return (false, $"no answer: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}", request.ToString());
            }
            using var _ = response;
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    pool.Harvest(JsonParser.Default.Parse(body, rpc.Method.OutputType));
                }
                catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException)
                {
                    // An answer the parser cannot read back is still an answer; nothing to harvest from it.
                }
            }
            return (response.IsSuccessStatusCode, Verdicts.OfHttp(rpc.Method.InputType, response.StatusCode, body), request.ToString());
        });

    [Fact]
    public async Task The_gateway_s_own_joint_planning_routes_answer_random_queries_without_a_5xx()
    {
        var settings = _settings;
        var findings = new List<FuzzFinding>();
        string[] routes = ["/api/joint-planning/v1/conferences", "/api/joint-planning/v1/tasks", "/api/joint-planning/v1/conferences/{id}"];
        string[] parameters = ["body", "status", "pageSize", "pageToken", "owner", "overdue", "conference", "unknown"];
        var pool = new ValuePool();
        var cases = Math.Max(30, settings.Cases / 10);
        for (var index = 0; index < cases; index++)
        {
            var values = new FuzzValues(settings.RandomFor("joint-planning", index), pool);
            var route = values.Pick(routes).Replace("{id}", Uri.EscapeDataString(values.String("Conference", "id")));
            var query = string.Join('&', parameters.Where(_ => values.Chance(0.4))
                .Select(p => $"{p}={Uri.EscapeDataString(values.Chance(0.3) ? values.Pick(["organization", "SCHEDULED", "true", "10", "planning"]) : values.String("Query", p))}"));
            var body = values.Pick(["organization", "home-affairs", "delegate-affairs"]);
            var path = query.Length == 0 ? route : $"{route}?{query}";
            HttpResponseMessage answer;
            try
            {
                answer = await Http(body, "viewer").GetAsync(path);
            }
            catch (Exception exception) when (RequestLineLimit.RefusedByClosing(exception, "GET", path))
            {
                continue;
            }
            using var response = answer;
            var text = await response.Content.ReadAsStringAsync();
            if (Verdicts.OfHttp(null, response.StatusCode, text) is { } problem)
            {
                findings.Add(new FuzzFinding(route, index, problem, $"GET {path}"));
            }
        }
        await AssertAllAliveAsync();
        Assert.True(findings.Count == 0, Report("joint-planning routes", findings, cases));
    }

    private delegate Task<(bool Accepted, string? Problem, string Request)> Case(Rpc rpc, Random random, ValuePool pool, int index);

    /// <summary>
    /// One worker per body, each sending its body's RPCs in turn, one request at a time (so that the audit count
    /// before and after a request is that request's alone); the three bodies' workers run side by side.
    /// </summary>
    private async Task RunAsync(string transport, IReadOnlyList<Rpc> rpcs, Case run)
    {
        var selected = rpcs.Where(r => _settings.Only is null || r.Path.Contains(_settings.Only, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(selected);
        var findings = new List<FuzzFinding>();
        var sent = 0;
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        var perBody = selected.GroupBy(r => r.Body).ToList();
        var casesPerBody = Math.Max(selected.Count, _settings.Cases) / perBody.Count;
        await Task.WhenAll(perBody.Select(async group =>
        {
            var pool = new ValuePool();
            var bodyRpcs = group.ToList();
            await using var audit = new AuditCounter(platform.Databases[group.Key]);
            for (var index = 0; index < casesPerBody; index++)
            {
                var rpc = bodyRpcs[index % bodyRpcs.Count];
                var subject = Subject(_tokens[(rpc.Body, rpc.Role)]);
                var before = rpc.Writes ? await audit.CountAsync(subject) : 0;
                (bool Accepted, string? Problem, string Request) result;
                try
                {
                    result = await run(rpc, _settings.RandomFor(rpc.Body, index), pool, index);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    result = (false, $"no answer: {exception.GetType().Name}: {exception.Message}", "(see the case number)");
                }
                Interlocked.Increment(ref sent);
                if (result.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
                var problem = result.Problem;
                if (problem is null && rpc.Writes && !result.Accepted && await audit.CountAsync(subject) != before)
                {
                    problem = "a rejected write left audit entries behind (a partial write)";
                }
                if (problem is not null)
                {
                    lock (findings)
                    {
                        findings.Add(new FuzzFinding(rpc.Path, index, problem, result.Request));
                    }
                }
            }
        }));
        output.WriteLine($"{transport}: {sent} requests to {selected.Count} RPCs in {clock.Elapsed.TotalSeconds:F1} s, {accepted} accepted, "
            + $"{_settings.Replay}");
        await AssertAllAliveAsync();
        Assert.True(findings.Count == 0, Report(transport, findings, sent));
    }

    private string Report(string transport, IReadOnlyList<FuzzFinding> findings, int sent)
    {
        // The first finding of each RPC and problem kind: one bug tends to fail many cases alike.
        var distinct = findings.GroupBy(f => (f.Rpc, Kind: f.Problem.Split(':')[0])).Select(g => g.First()).Take(25).ToList();
        return $"{findings.Count} of {sent} {transport} cases broke a promise (replay: {_settings.Replay}).\n"
            + string.Join("\n", distinct) + "\n\n" + platform.Diagnostics() + $"\n\n--- fuzz-gateway ---\n{_gateway.RecentOutput}";
    }

    private async Task AssertAllAliveAsync()
    {
        Assert.False(_gateway.HasExited, $"the fuzzing gateway exited:\n{_gateway.RecentOutput}");
        Assert.Empty(platform.ExitedProcesses);
        using var probe = new HttpClient { BaseAddress = new Uri(_http), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Anonymous.GetAsync("/healthz")).StatusCode);
    }

    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Dictionary<string, HttpClient> _clients = [];

    private GrpcChannel Channel(Rpc rpc)
    {
        lock (_channels)
        {
            var token = _tokens[(rpc.Body, rpc.Role)];
            if (!_channels.TryGetValue(token, out var channel))
            {
                _channels[token] = channel = GrpcChannel.ForAddress(_grpc, new GrpcChannelOptions
                {
                    Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
                    {
                        metadata.Add("Authorization", $"Bearer {token}");
                        return Task.CompletedTask;
                    })),
                    UnsafeUseInsecureChannelCallCredentials = true,
                    MaxReceiveMessageSize = null,
                });
            }
            return channel;
        }
    }

    private HttpClient Http(string body, string role)
    {
        lock (_clients)
        {
            var key = $"{body}-{role}";
            if (!_clients.TryGetValue(key, out var client))
            {
                var token = _tokens[(body, role)];
                _clients[key] = client = new HttpClient { BaseAddress = new Uri(_http), Timeout = CallTimeout };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return client;
        }
    }

    private static string Subject(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty("sub").GetString()!;
    }
}
