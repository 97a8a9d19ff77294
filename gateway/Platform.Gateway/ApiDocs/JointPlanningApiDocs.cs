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
            ["id"] = String("The conference id, as asked for."),
            ["leadBody"] = String("The body that leads the conference (the id's first part)."),
            ["conference"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(schemas.Of(Conference.Descriptor), new JsonObject { ["type"] = "null" }),
                ["description"] = "The conference as its lead's service keeps it; null when that service did not answer.",
            },
            ["participations"] = Array(schemas.Of(Participation.Descriptor), "Every body's participation that answered."),
            ["tasks"] = Array(schemas.Of(JointTask.Descriptor), "The conclusion tasks as each owner body tracks them."),
            ["unavailable"] = Unavailable(),
        }, "id", "leadBody", "participations", "tasks", "unavailable")),
        ["/api/joint-planning/v1/conferences"] = ("ListConferences", "The conferences of one body (body) or of all three merged, by status; paged with pageSize and pageToken.",
            schemas => Object(new()
            {
                ["conferences"] = Array(schemas.Of(Conference.Descriptor), "This page's conferences, by date."),
                ["nextPageToken"] = String("Empty on the last page; otherwise pass it as pageToken for the next."),
                ["unavailable"] = Unavailable(),
            }, "conferences", "nextPageToken", "unavailable")),
        ["/api/joint-planning/v1/tasks"] = ("ListTasks", "Conclusion tasks of one owner body or of all three merged, overdue only or of one conference; paged.",
            schemas => Object(new()
            {
                ["tasks"] = Array(schemas.Of(JointTask.Descriptor), "This page's tasks, by due date."),
                ["nextPageToken"] = String("Empty on the last page; otherwise pass it as pageToken for the next."),
                ["unavailable"] = Unavailable(),
            }, "tasks", "nextPageToken", "unavailable")),
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
                (JsonNode)OpenApiDocumentBuilder.Parameter(name, "path", required: true, ParameterSchema(name))).ToArray());
            // Minimal-API handlers bind their simple parameters that are not route values from the query string.
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (parameter.Name is { } name && !routeValues.Contains(name) && (type == typeof(string) || type.IsPrimitive))
                {
                    parameters.Add(OpenApiDocumentBuilder.Parameter(name, "query", required: false, ParameterSchema(name)));
                }
            }
            var (handler, summary, response) = Described.TryGetValue(path, out var described)
                ? described
                : (endpoint.Metadata.GetMetadata<MethodInfo>()?.Name ?? path, "", (Func<ProtoSchemas, JsonObject>)(_ => new JsonObject { ["type"] = "object" }));
            var responses = Responses(response(schemas), hasKey: routeValues.Count > 0);
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
                    ["security"] = new JsonArray(
                        new JsonObject { [OpenApiDocumentBuilder.BearerScheme] = new JsonArray() },
                        new JsonObject { [OpenApiDocumentBuilder.OAuthScheme] = new JsonArray(OpenApiDocumentBuilder.Scopes.Where(s => s.EndsWith(".read", StringComparison.Ordinal)).Select(s => (JsonNode)s).ToArray()) }),
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

    /// <summary>The parameters the handlers take, with what ListQuery and JointPlanEndpoint accept.</summary>
    private static readonly Dictionary<string, (string Type, string Description)> ParameterDocs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ("string", "The conference id, \"<lead body>.<slug>\", e.g. \"organization.so-ket-6-thang-2020\"."),
        ["body"] = ("string", "Only this body's conferences: organization, home-affairs or delegate-affairs; all three merged when absent."),
        ["owner"] = ("string", "Only the tasks this body owns: organization, home-affairs or delegate-affairs; all three merged when absent."),
        ["status"] = ("string", "Only conferences in this status, a ConferenceStatus name with or without its prefix (\"SCHEDULED\")."),
        ["overdue"] = ("boolean", "true: only the tasks not done after their due date."),
        ["conference"] = ("string", "Only this conference's tasks (its id)."),
        ["pageSize"] = ("integer", "At most this many items (default 50, at most 1000)."),
        ["pageToken"] = ("string", "The nextPageToken of the previous page, with the same other parameters; empty for the first page."),
    };

    private static JsonObject ParameterSchema(string name)
    {
        var (type, description) = ParameterDocs.TryGetValue(name, out var known) ? known : ("string", $"The {name}.");
        var schema = new JsonObject { ["type"] = type, ["description"] = description };
        if (type == "integer")
        {
            schema["format"] = "int32";
            schema["minimum"] = 0;
        }
        return schema;
    }

    /// <summary>
    /// These routes are the gateway's own (not transcoded): their errors are RFC 9457 problem details
    /// (application/problem+json), a 400 with "errors" per parameter; 401 and 429 come before them, as the Status JSON.
    /// </summary>
    private static JsonObject Responses(JsonObject ok, bool hasKey)
    {
        JsonObject Problem(string description) => new()
        {
            ["description"] = description,
            ["content"] = new JsonObject
            {
                ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{OpenApiDocumentBuilder.ProblemSchema}" } },
            },
        };
        var responses = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = OpenApiDocumentBuilder.Json(ok) },
            ["400"] = Problem("A parameter is invalid; errors names each one."),
            ["401"] = OpenApiDocumentBuilder.Ref("Unauthenticated"),
            ["403"] = Problem("Every body's service refused the caller's token."),
        };
        if (hasKey)
        {
            responses["404"] = Problem("No joint conference with that id.");
        }
        responses["429"] = OpenApiDocumentBuilder.Ref("TooManyRequests");
        responses["503"] = Problem("None of the bodies' services answered.");
        responses["default"] = OpenApiDocumentBuilder.Ref("Unavailable");
        return responses;
    }

    /// <summary>The platform's error (google.rpc.Status in JSON) with the RFC 9457 members these routes answered first.</summary>
    public static JsonObject ProblemSchema() => new()
    {
        ["description"] = "An error of the gateway's joint-planning routes: the platform's error (code, message, details with the "
            + "ErrorInfo reason) and, for clients of the first release of these routes, RFC 9457 problem details beside it.",
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/components/schemas/{OpenApiDocumentBuilder.ErrorSchema}" }),
        ["type"] = "object",
        ["required"] = new JsonArray("title", "status"),
        ["properties"] = new JsonObject
        {
            ["type"] = String("A URI reference naming the kind of problem."),
            ["title"] = String("A short summary, e.g. \"Invalid request\"."),
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "The HTTP status code." },
            ["detail"] = String("What went wrong in this case."),
            ["traceId"] = String("The request's trace id, to find it in the logs."),
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Per invalid parameter, its problems.",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
    };

    private static JsonObject String(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Array(JsonObject items, string description) => new() { ["type"] = "array", ["items"] = items, ["description"] = description };

    private static JsonObject Object(JsonObject properties, params string[] required) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray()),
    };

    private static JsonObject Unavailable() => Array(
        Object(new()
        {
            ["body"] = String("The body whose service did not answer."),
            ["reason"] = String("Why, e.g. \"unavailable\" or \"timed out\"."),
        }, "body", "reason"),
        "The bodies whose services did not answer: the rest of the answer is without their part.");
}
