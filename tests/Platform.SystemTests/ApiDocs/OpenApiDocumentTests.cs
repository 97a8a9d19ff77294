using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Platform.Access.V1;

namespace Platform.SystemTests.ApiDocs;

/// <summary>The gateway's OpenAPI document of the JSON API (/openapi/v1.json) and its reference page (/docs).</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture platform)
{
    private static readonly string[] JointPlanningRoutes =
        ["get /api/joint-planning/v1/conferences/{}", "get /api/joint-planning/v1/conferences", "get /api/joint-planning/v1/tasks"];

    [Fact]
    public async Task Every_json_route_of_the_protos_and_of_the_gateway_is_in_the_document_with_its_method()
    {
        using var document = JsonDocument.Parse(await platform.Anonymous.GetStringAsync("/openapi/v1.json"));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name} {Signature(path.Name)}"))
            .ToList();

        var declared = ProtoRoutes().Concat(JointPlanningRoutes).ToList();

        Assert.True(declared.Count > 50, $"only {declared.Count} routes found in the contracts");
        var missing = declared.Except(documented).ToList();
        var invented = documented.Except(declared).ToList();
        Assert.Empty(missing);
        Assert.Empty(invented);
        Assert.Equal(documented.Count, documented.Distinct().Count()); // OpenAPI: one path per shape
    }

    [Fact]
    public async Task The_document_is_valid_openapi_with_bearer_security_path_query_and_body_parameters()
    {
        var json = await platform.Anonymous.GetStringAsync("/openapi/v1.json");

        var read = OpenApiDocument.Parse(json, "json");
        var errors = read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var root = JsonDocument.Parse(json).RootElement;
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("JWT", bearer.GetProperty("bearerFormat").GetString());
        Assert.Equal(["organization", "home-affairs", "delegate-affairs", "joint-planning"],
            root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var update = root.GetProperty("paths").GetProperty("/api/home-affairs/v1/administrative-units/{code}").GetProperty("patch");
        var parameters = update.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
        Assert.Equal([("code", "path"), ("update_mask", "query")], parameters);
        Assert.StartsWith("The request's administrative_unit.code.", update.GetProperty("parameters")[0].GetProperty("description").GetString());
        Assert.Equal("#/components/schemas/platform.homeaffairs.v1.AdministrativeUnit",
            update.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["home-affairs"], update.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        // Proto3 JSON: lowerCamelCase, 64-bit integers as strings, enums by name; the proto comments as descriptions.
        var unit = root.GetProperty("components").GetProperty("schemas").GetProperty("platform.homeaffairs.v1.AdministrativeUnit").GetProperty("properties");
        Assert.Equal("string", unit.GetProperty("parentCode").GetProperty("type").GetString());
        Assert.Equal("int64", unit.GetProperty("revision").GetProperty("format").GetString());
        Assert.Equal("string", unit.GetProperty("revision").GetProperty("type").GetString());
        Assert.Equal("date-time", unit.GetProperty("createTime").GetProperty("format").GetString());
        Assert.Contains("Hà Nội", unit.GetProperty("code").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_document_names_its_server_the_oauth_flows_the_errors_of_each_route_and_required_and_read_only_fields()
    {
        var root = JsonDocument.Parse(await platform.Anonymous.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.Equal(platform.GatewayUrl.TrimEnd('/'), root.GetProperty("servers")[0].GetProperty("url").GetString());
        // The issuer's own endpoints, read from its metadata (in Development the gateway is the issuer).
        var flows = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal(platform.GatewayUrl + "connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal(platform.GatewayUrl + "connect/authorize", flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString());
        Assert.Equal(platform.GatewayUrl + "connect/token", flows.GetProperty("authorizationCode").GetProperty("tokenUrl").GetString());
        Assert.Contains("home-affairs.write", flows.GetProperty("clientCredentials").GetProperty("scopes").EnumerateObject().Select(s => s.Name));

        var paths = root.GetProperty("paths");
        var update = paths.GetProperty("/api/home-affairs/v1/administrative-units/{code}").GetProperty("patch");
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "429", "default"], update.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        Assert.Equal(["home-affairs.write"], update.GetProperty("security")[1].GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()));
        var list = paths.GetProperty("/api/home-affairs/v1/administrative-units").GetProperty("get");
        Assert.Equal(["200", "400", "401", "403", "429", "default"], list.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        Assert.True(root.GetProperty("components").GetProperty("responses").GetProperty("Unauthenticated").GetProperty("headers").TryGetProperty("WWW-Authenticate", out _));

        // field_behavior: OUTPUT_ONLY as readOnly, REQUIRED as required (the request's key, the body's resource).
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("platform.homeaffairs.v1.AdministrativeUnit").GetProperty("properties").GetProperty("createTime").GetProperty("readOnly").GetBoolean());
        Assert.True(schemas.GetProperty("platform.jointplanning.v1.Conference").GetProperty("properties").GetProperty("revision").GetProperty("readOnly").GetBoolean());
        var settle = paths.GetProperty("/api/delegate-affairs/v1/candidates/{candidate_id}/vetting:settle").GetProperty("post");
        Assert.Equal(["decision", "reason"], settle.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var candidates = paths.GetProperty("/api/delegate-affairs/v1/elections/{election_id}/candidates").GetProperty("get");
        Assert.Equal(("election_id", "path", true), candidates.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString(), p.GetProperty("required").GetBoolean())).First());

        // Every operation and every field says what it is.
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), $"{operation.Name} {path.Name}");
            }
        }
        foreach (var schema in schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("properties", out _)))
        {
            foreach (var field in schema.Value.GetProperty("properties").EnumerateObject())
            {
                Assert.True(field.Value.TryGetProperty("description", out _), $"{schema.Name}.{field.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task The_reference_page_lists_every_operation_without_a_script_under_the_screens_policy()
    {
        var response = await platform.Anonymous.GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(await platform.Anonymous.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            Assert.Contains($"<code>{WebUtility.HtmlEncode(path.Name)}</code>", html);
        }
        Assert.Contains("id=\"schema-platform.homeaffairs.v1.AdministrativeUnit\"", html);
        Assert.Contains("Hà Nội", html); // the proto comments' Vietnamese, as itself
    }

    /// <summary>A path with its variables blanked: "/api/x/v1/units/{administrative_unit.code}" and "…/{code}" are one route shape.</summary>
    private static string Signature(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");

    /// <summary>"get /api/…" for every google.api.http rule of the platform's RPCs, additional_bindings included.</summary>
    private static IEnumerable<string> ProtoRoutes()
    {
        var methods = typeof(AccessReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package.StartsWith("platform.", StringComparison.Ordinal))
            .SelectMany(f => f.Services).SelectMany(s => s.Methods);
        foreach (var method in methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }
            foreach (var binding in rule.AdditionalBindings.Prepend(rule))
            {
                var (verb, path) = binding.PatternCase switch
                {
                    HttpRule.PatternOneofCase.Get => ("get", binding.Get),
                    HttpRule.PatternOneofCase.Post => ("post", binding.Post),
                    HttpRule.PatternOneofCase.Put => ("put", binding.Put),
                    HttpRule.PatternOneofCase.Patch => ("patch", binding.Patch),
                    HttpRule.PatternOneofCase.Delete => ("delete", binding.Delete),
                    HttpRule.PatternOneofCase.Custom => (binding.Custom.Kind.ToLowerInvariant(), binding.Custom.Path),
                    _ => throw new InvalidOperationException($"{method.FullName} has an http rule without a pattern"),
                };
                // A shared service's route leaves the body open ("/api/*/v1/…"): the gateway serves it under each body's
                // prefix, which also covers the paths its retired per-body copies declared.
                string[] bodies = ["organization", "home-affairs", "delegate-affairs"];
                var bodyPaths = path.StartsWith("/api/*/", StringComparison.Ordinal)
                    ? bodies.Select(body => $"/api/{body}/{path["/api/*/".Length..]}")
                    : [path];
                foreach (var bodyPath in bodyPaths)
                {
                    yield return $"{verb} {Signature(bodyPath)}";
                }
            }
        }
    }
}
