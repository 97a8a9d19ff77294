using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.SystemTests.ApiDocs;

/// <summary>
/// The live answers of the gateway against the OpenAPI document's own schemas, validated by Ajv (JSON Schema 2020-12,
/// validate-answers.mjs) as a client's validator would: every documented GET with real keys (200) and with a key
/// that does not exist (404), and the errors the gateway answers itself (401, 413).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class OpenApiLiveAnswerTests(PlatformFixture platform) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openapi-answers-").FullName;

    [Fact]
    public async Task Every_documented_get_answers_as_its_schema_says_errors_included()
    {
        var documentText = await platform.Anonymous.GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(documentText)!.AsObject();
        await EnsureAnElectionAsync();
        var tokens = new Dictionary<string, string>();
        foreach (var body in new[] { "organization", "home-affairs", "delegate-affairs" })
        {
            tokens[body] = await platform.TokenAsync($"{body}-viewer"); // a body's own personnel files: its own members only
        }

        var gets = document["paths"]!.AsObject()
            .Where(path => path.Value!["get"] is not null)
            .Select(path => (Path: path.Key, Operation: path.Value!["get"]!.AsObject()))
            // Lists first (they give the keys the item routes need), those needing a filter after those that do not.
            .OrderBy(get => PathVariable().Matches(get.Path).Count)
            .ThenBy(get => RequiredQuery(get.Operation).Count())
            .ToList();
        var answers = new JsonArray();
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal); // "<list path>" → its items, for the item routes
        var values = new Dictionary<string, string>(StringComparer.Ordinal); // "electionId" → a value seen in any answer
        int ok = 0, notFound = 0;
        foreach (var (path, operation) in gets)
        {
            var tag = operation["tags"]![0]!.GetValue<string>();
            var token = tokens.GetValueOrDefault(tag, tokens["home-affairs"]);
            var query = string.Join('&', RequiredQuery(operation).Select(name =>
                $"{name}={Uri.EscapeDataString(Known.GetValueOrDefault(name) ?? values.GetValueOrDefault(Camel(name), "khong-co"))}"));

            var existing = Fill(path, keys);
            if (existing is not null)
            {
                var (status, answer) = await CallAsync(path, existing + (query.Length > 0 ? "?" + query : ""), token, answers);
                Assert.True(status == HttpStatusCode.OK, $"GET {existing}: {(int)status} {answer}");
                ok++;
                Harvest(path, answer, keys, values);
            }
            if (PathVariable().IsMatch(path))
            {
                // A key that cannot exist: the route's 404 answer, also against the document.
                var missing = PathVariable().Replace(path, "khong-co.khong-co");
                var (status, answer) = await CallAsync(path, missing + (query.Length > 0 ? "?" + query : ""), token, answers);
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"GET {missing}: {(int)status} {answer}");
                notFound++;
            }
        }

        // The gateway's own errors: no token (401, with WWW-Authenticate), a body over its limit (413).
        using (var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/home-affairs/v1/administrative-units"))
        {
            using var response = await platform.Anonymous.SendAsync(anonymous);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            answers.Add(Answer("/api/home-affairs/v1/administrative-units", "get", response, await response.Content.ReadAsStringAsync()));
        }
        using (var large = new HttpRequestMessage(HttpMethod.Post, "/api/home-affairs/v1/administrative-units"))
        {
            large.Content = new StringContent(new string(' ', 2 * 1024 * 1024), new MediaTypeHeaderValue("application/json"));
            large.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("home-affairs-editor"));
            // As a well-behaved client sends a large body (it waits for "100 Continue": the early 413 arrives as an answer),
            // on a connection of its own, which the gateway closes after refusing the body.
            large.Headers.ExpectContinue = true;
            using var own = new HttpClient { BaseAddress = platform.Anonymous.BaseAddress };
            using var response = await own.SendAsync(large);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            answers.Add(Answer("/api/home-affairs/v1/administrative-units", "post", response, await response.Content.ReadAsStringAsync()));
        }

        var documentPath = Path.Combine(_folder, "openapi.json");
        var answersPath = Path.Combine(_folder, "answers.json");
        await File.WriteAllTextAsync(documentPath, documentText);
        await File.WriteAllTextAsync(answersPath, answers.ToJsonString());
        var report = JsonNode.Parse(await Shell.RunAsync("node",
            [Path.Combine(RepositoryPaths.Root, "tests", "Platform.SystemTests", "ApiDocs", "validate-answers.mjs"), documentPath, answersPath]))!;

        var failures = report["failures"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(answers.Count, report["checked"]!.GetValue<int>());
        // Every list answered 200 (asserted above) and some item routes found a real key in them; on a fresh platform the
        // lists of personal records are empty, so their item routes are only asked for a missing key (27 of 53 seen 200).
        var lists = gets.Count(g => !PathVariable().IsMatch(g.Path));
        Assert.True(ok > lists, $"only {ok} of {gets.Count} documented GETs answered 200, {lists} of them lists");
        Assert.True(notFound > 10, $"only {notFound} item routes were asked for a missing key");
    }

    /// <summary>Required query values no list answers with: a resource of the seed data (Hà Nội) for the audit trails, a term.</summary>
    private static readonly Dictionary<string, string> Known = new() { ["resource"] = "administrative-units/01", ["term"] = "2021-2026" };

    /// <summary>A GET path with real keys: the first item of the list above it that has every variable (by name, or "id").</summary>
    private static string? Fill(string path, Dictionary<string, List<string>> keys)
    {
        var variables = PathVariable().Matches(path).Select(m => m.Groups[1].Value).ToList();
        if (variables.Count == 0)
        {
            return path;
        }
        var list = path[..path.IndexOf('{')].TrimEnd('/');
        if (!keys.TryGetValue(list, out var items))
        {
            return null;
        }
        foreach (var item in items.Select(i => JsonNode.Parse(i)!.AsObject()))
        {
            var found = variables.Select((v, i) => item[Camel(v)]?.ToString() ?? (i == 0 ? (item["id"] ?? item["code"])?.ToString() : null)).ToList();
            if (found.All(v => !string.IsNullOrEmpty(v)))
            {
                var index = 0;
                return PathVariable().Replace(path, _ => Uri.EscapeDataString(found[index++]!));
            }
        }
        return null;
    }

    private static void Harvest(string path, JsonNode? answer, Dictionary<string, List<string>> keys, Dictionary<string, string> values)
    {
        if (answer is not JsonObject root)
        {
            return;
        }
        foreach (var (name, value) in root)
        {
            if (value is JsonArray { Count: > 0 } items && items[0] is JsonObject)
            {
                keys.TryAdd(path, items.Select(i => i!.ToJsonString()).ToList());
                foreach (var (field, fieldValue) in items[0]!.AsObject())
                {
                    if (fieldValue is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
                    {
                        values.TryAdd(field, s);
                        if (field == "id")
                        {
                            values.TryAdd(name.TrimEnd('s') + "Id", s); // elections[0].id → electionId
                        }
                    }
                }
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string documented, string url, string token, JsonArray answers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = Answer(documented, "get", response, text);
        answers.Add(answer);
        return (response.StatusCode, answer["body"]?.DeepClone());
    }

    private static JsonObject Answer(string path, string verb, HttpResponseMessage response, string body) => new()
    {
        ["path"] = path,
        ["verb"] = verb,
        ["status"] = (int)response.StatusCode,
        ["contentType"] = response.Content.Headers.ContentType?.ToString(),
        ["body"] = body.Length == 0 ? null : JsonNode.Parse(body),
    };

    private static IEnumerable<string> RequiredQuery(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>());

    /// <summary>The delegate-affairs lists need an election: one made through the JSON API if none exists yet.</summary>
    private async Task EnsureAnElectionAsync()
    {
        using var client = new HttpClient { BaseAddress = platform.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("delegate-affairs-editor"));
        var elections = await client.GetFromJsonAsync<JsonObject>("/api/delegate-affairs/v1/elections");
        if (elections?["elections"] is JsonArray { Count: > 0 })
        {
            return;
        }
        using var created = await client.PostAsJsonAsync("/api/delegate-affairs/v1/elections", new JsonObject
        {
            ["id"] = "quoc-hoi-openapi",
            ["kind"] = "ELECTION_KIND_NATIONAL_ASSEMBLY",
            ["term"] = "XV",
            ["termStartYear"] = 2021,
            ["termEndYear"] = 2026,
            ["electionDay"] = "2021-05-23",
            ["lawCode"] = "85/2015/QH13",
            ["totalSeats"] = 500,
            ["centralSeats"] = 203,
            ["localSeats"] = 297,
        });
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
    }

    private static string Camel(string snake) => Regex.Replace(snake, "_([a-z0-9])", m => m.Groups[1].Value.ToUpperInvariant());

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathVariable();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
