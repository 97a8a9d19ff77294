using System.Reflection;
using System.Text.Json.Nodes;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The gateway's own joint-planning routes (/api/joint-planning/v1/…) in the OpenAPI document: methods, path and
/// query parameters read off the mapped endpoints themselves (so a new route is never missing), responses from
/// the table below, which names the proto messages each answer is made of.
/// </summary>
public static class JointPlanningApiDocs
{
    private const string Prefix = "/api/joint-planning/";

    private static readonly Dictionary<string, (string Name, string Summary, Func<ProtoSchemas, JsonObject> Response)> Described = new()
    {
        ["/api/joint-planning/v1/conferences/{id}"] = ("GetJointPlan", "The joint plan of a conference: the lead's conference, every body's participation, every owner's tasks; "
            + "a body whose service did not answer is named in unavailable.", schemas => Object(new()
        {
            ["id"] = String(),
            ["leadBody"] = String(),
            ["conference"] = schemas.Of(Conference.Descriptor),
            ["participations"] = Array(schemas.Of(Participation.Descriptor)),
            ["tasks"] = Array(schemas.Of(JointTask.Descriptor)),
            ["unavailable"] = Unavailable(),
        })),
        ["/api/joint-planning/v1/conferences"] = ("ListConferences", "The conferences of one body (body) or of all three merged, by status; paged with pageSize and pageToken.",
            schemas => Object(new()
            {
                ["conferences"] = Array(schemas.Of(Conference.Descriptor)),
                ["nextPageToken"] = String(),
                ["unavailable"] = Unavailable(),
            })),
        ["/api/joint-planning/v1/tasks"] = ("ListTasks", "Conclusion tasks of one owner body or of all three merged, overdue only or of one conference; paged.",
            schemas => Object(new()
            {
                ["tasks"] = Array(schemas.Of(JointTask.Descriptor)),
                ["nextPageToken"] = String(),
                ["unavailable"] = Unavailable(),
            })),
    };

    public static IEnumerable<(string Path, string Verb, JsonObject Operation)> Operations(IEnumerable<Endpoint> endpoints, ProtoSchemas schemas)
    {
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = new JsonArray(routeValues.Select(name =>
                (JsonNode)OpenApiDocumentBuilder.Parameter(name, "path", required: true, String())).ToArray());
            // Minimal-API handlers bind their simple parameters that are not route values from the query string.
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (parameter.Name is { } name && !routeValues.Contains(name) && (type == typeof(string) || type.IsPrimitive))
                {
                    parameters.Add(OpenApiDocumentBuilder.Parameter(name, "query", required: false, String()));
                }
            }
            var (handler, summary, response) = Described.TryGetValue(path, out var described)
                ? described
                : (endpoint.Metadata.GetMetadata<MethodInfo>()?.Name ?? path, "", (Func<ProtoSchemas, JsonObject>)(_ => new JsonObject { ["type"] = "object" }));
            var responses = OpenApiDocumentBuilder.Responses(response(schemas));
            foreach (var verb in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var operation = new JsonObject
                {
                    ["tags"] = new JsonArray("joint-planning"),
                    ["operationId"] = $"joint-planning.{handler}",
                    ["summary"] = handler,
                    ["description"] = summary,
                    ["x-platform-access"] = new JsonObject
                    {
                        ["text"] = "any member of the three bodies; each service applies its own rules to the caller's token",
                    },
                };
                if (parameters.Count > 0)
                {
                    operation["parameters"] = parameters.DeepClone();
                }
                operation["responses"] = responses.DeepClone();
                yield return (path, verb.ToLowerInvariant(), operation);
            }
        }
    }

    private static JsonObject String() => new() { ["type"] = "string" };

    private static JsonObject Array(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Object(JsonObject properties) => new() { ["type"] = "object", ["properties"] = properties };

    private static JsonObject Unavailable() => Array(Object(new() { ["body"] = String(), ["reason"] = String() }));
}
