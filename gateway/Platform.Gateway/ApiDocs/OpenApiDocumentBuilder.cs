using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Platform.Access.V1;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The OpenAPI 3.1 document of the JSON API: every google.api.http route of the contracts (with its
/// additional_bindings) as JSON transcoding serves it, and the gateway's own joint-planning routes.
/// Built from the descriptors because the gateway hosts none of the gRPC services; the services' own
/// transcoding reads the very same annotations, so the document cannot drift from what they serve.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public const string BearerScheme = "bearer";

    /// <summary>Tags in the order the document lists them, with what each body is.</summary>
    public static readonly (string Tag, string Description)[] Tags =
    [
        ("organization", "Ban Tổ chức Trung ương (Central Organization Commission): Party organizations, congresses, personnel plans, cadre records."),
        ("home-affairs", "Bộ Nội vụ (Ministry of Home Affairs): administrative units, official records, emulation and commendation, council seats."),
        ("delegate-affairs", "Ban Công tác đại biểu (Delegate Affairs Committee): elections, constituencies, candidates and their vetting."),
        ("joint-planning", "The gateway's reads across the three bodies (the joint plan of a conference, conferences and tasks of every body)."),
    ];

    public static JsonObject Build(IEnumerable<Endpoint> gatewayEndpoints, ContractDocs docs)
    {
        var schemas = new ProtoSchemas(docs);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);

        // OpenAPI wants one path per shape: GET …/units/{code} and PATCH …/units/{administrative_unit.code} are one path,
        // named by the last part of the first route's variables; a parameter says which field it binds when that differs.
        var variableNames = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var route in HttpRoute.All)
        {
            if (!variableNames.TryGetValue(route.Signature, out var names))
            {
                variableNames[route.Signature] = names = route.PathVariables.Select(v => v.Split('.')[^1]).ToList();
            }
            Operations(paths, route.PathWith(names))[route.Verb] = Operation(route, names, schemas, docs);
        }
        foreach (var (path, verb, operation) in JointPlanningApiDocs.Operations(gatewayEndpoints, schemas))
        {
            Operations(paths, path)[verb] = operation;
        }

        var components = schemas.Components();
        components[ErrorSchema] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An error: the gRPC status code and message, and details such as google.rpc.BadRequest naming each offending field.",
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
            },
        };
        var pathsNode = new JsonObject();
        foreach (var (path, operations) in paths)
        {
            pathsNode[path] = operations;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Joint-planning platform: JSON API",
                ["version"] = typeof(AccessReflection).Assembly.GetName().Version?.ToString(3),
                ["description"] = "The JSON routes of the three bodies' gRPC APIs (JSON transcoding, through the gateway) and the gateway's "
                    + "joint-planning reads. The same RPCs are served over gRPC on the gateway's h2c port; the Platform.Contracts package has their clients.",
            },
            ["tags"] = new JsonArray(Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Tag, ["description"] = t.Description }).ToArray()),
            ["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() }),
            ["paths"] = pathsNode,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "An OAuth 2.0 access token of the platform's issuer (client credentials for apps, authorization code + PKCE for people).",
                    },
                },
                ["schemas"] = components,
            },
        };
    }

    public const string ErrorSchema = "platform.Error";

    /// <summary>200 with the given schema, and the error every route may answer instead.</summary>
    public static JsonObject Responses(JsonObject ok) => new()
    {
        ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Json(ok) },
        ["default"] = new JsonObject
        {
            ["description"] = "An error (400 InvalidArgument, 401, 403 PermissionDenied, 404 NotFound, 409 AlreadyExists/Aborted, 412 FailedPrecondition, 429, 503).",
            ["content"] = Json(new JsonObject { ["$ref"] = $"#/components/schemas/{ErrorSchema}" }),
        },
    };

    public static JsonObject Json(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Operations(SortedDictionary<string, JsonObject> paths, string path)
    {
        if (!paths.TryGetValue(path, out var operations))
        {
            paths[path] = operations = new JsonObject();
        }
        return operations;
    }

    private static JsonObject Operation(HttpRoute route, IReadOnlyList<string> variableNames, ProtoSchemas schemas, ContractDocs docs)
    {
        var method = route.Method;
        var input = method.InputType;
        var parameters = new JsonArray();
        var bound = new HashSet<string>(StringComparer.Ordinal); // top-level fields taken by the path or the body
        foreach (var (variable, name) in route.PathVariables.Zip(variableNames))
        {
            var field = FieldAt(input, variable);
            bound.Add(variable.Split('.')[0]);
            var schema = field is null ? new JsonObject { ["type"] = "string" } : schemas.Of(field);
            if (variable != name)
            {
                schema["description"] = $"The request's {variable}. {schema["description"]?.GetValue<string>()}".TrimEnd();
            }
            parameters.Add(Parameter(name, "path", required: true, schema));
        }

        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(Tag(route.Template)),
            ["operationId"] = method.FullName + (route.Binding == 0 ? "" : $"_{route.Binding + 1}"),
            ["summary"] = method.Name,
        };
        if (docs.Of(method) is { } description)
        {
            operation["description"] = description;
        }
        if (method.GetOptions()?.GetExtension(AccessExtensions.Rule) is { } rule)
        {
            operation["x-platform-access"] = new JsonObject
            {
                ["bodies"] = ProtoName("Bodies", (int)rule.Bodies),
                ["roles"] = new JsonArray(rule.Roles.Select(r => (JsonNode)JsonValue.Create(ProtoName("Role", (int)r))!).ToArray()),
                ["operation"] = ProtoName("Operation", (int)rule.Operation),
                ["text"] = AccessText(rule),
            };
        }

        if (route.Body == "*")
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(schemas.Inline(input, bound)) };
        }
        else
        {
            if (route.Body.Length > 0 && input.FindFieldByName(route.Body) is { } bodyField)
            {
                bound.Add(bodyField.Name);
                operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(schemas.Of(bodyField)) };
            }
            foreach (var field in input.Fields.InDeclarationOrder().Where(f => !bound.Contains(f.Name)))
            {
                foreach (var (name, leaf) in QueryFields(field.Name, field, depth: 0))
                {
                    parameters.Add(Parameter(name, "query", required: false, schemas.Of(leaf)));
                }
            }
        }
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var output = route.ResponseBody.Length > 0 && method.OutputType.FindFieldByName(route.ResponseBody) is { } responseField
            ? schemas.Of(responseField)
            : schemas.Of(method.OutputType);
        operation["responses"] = Responses(output);
        return operation;
    }

    /// <summary>"/api/home-affairs/v1/…" → "home-affairs".</summary>
    public static string Tag(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["api", var body, ..] ? body : "other";

    public static JsonObject Parameter(string name, string location, bool required, JsonObject schema)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["required"] = required };
        if (schema["description"] is JsonValue description)
        {
            parameter["description"] = description.GetValue<string>();
            schema.Remove("description");
        }
        parameter["schema"] = schema;
        if (schema["type"]?.GetValue<string>() == "array")
        {
            parameter["explode"] = true; // ?status=A&status=B
        }
        return parameter;
    }

    /// <summary>A query parameter per scalar; a message field (not a well-known type) by its fields' dotted names.</summary>
    private static IEnumerable<(string Name, FieldDescriptor Field)> QueryFields(string name, FieldDescriptor field, int depth)
    {
        if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) && depth < 3)
        {
            return field.MessageType.Fields.InDeclarationOrder().SelectMany(f => QueryFields($"{name}.{f.Name}", f, depth + 1));
        }
        return [(name, field)];
    }

    private static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            field = message?.FindFieldByName(part);
            message = field?.FieldType == FieldType.Message ? field.MessageType : null!;
        }
        return field;
    }

    private static string ProtoName(string enumName, int number) =>
        AccessReflection.Descriptor.FindTypeByName<EnumDescriptor>(enumName).FindValueByNumber(number)?.Name ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string AccessText(AccessRule rule)
    {
        var who = rule.Bodies == Bodies.All ? "members of any of the three bodies" : "members of the owning body";
        var roles = rule.Roles.Count == 0 ? "any role" : string.Join(" or ", rule.Roles.Select(r => r.ToString().Replace("Role", "").ToLowerInvariant()));
        var scope = rule.Operation == Platform.Access.V1.Operation.Write ? "write" : "read";
        return $"{who}, {roles}; scope <body>.{scope}";
    }
}
