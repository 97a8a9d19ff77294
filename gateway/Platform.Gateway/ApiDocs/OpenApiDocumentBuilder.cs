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
            ["description"] = "An error as google.rpc.Status in JSON (AIP-193): the gRPC status code, a message for developers, and details: "
                + "always a google.rpc.ErrorInfo whose reason (UPPER_SNAKE, stable: branch on it, never on the message) and domain (the "
                + "service that answered, or \"gateway\") say why, and google.rpc.BadRequest naming each offending field with its own reason "
                + "where fields are at fault. The services' transcoded errors and the gateway's own (401, 403, 413, 429) alike.",
            ["required"] = new JsonArray("code", "message"),
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "The gRPC status code, e.g. 3 (INVALID_ARGUMENT), 16 (UNAUTHENTICATED)." },
                ["message"] = new JsonObject { ["type"] = "string", ["description"] = "What went wrong, for a developer." },
                ["details"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Typed details, each with its \"@type\": type.googleapis.com/google.rpc.ErrorInfo (reason, domain, metadata), "
                        + "and type.googleapis.com/google.rpc.BadRequest with fieldViolations (field, description, reason) for invalid requests.",
                    ["items"] = new JsonObject { ["type"] = "object" },
                },
            },
        };
        components[ProblemSchema] = JointPlanningApiDocs.ProblemSchema();
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
                    + "joint-planning reads. The same RPCs are served over gRPC on the gateway's h2c port; the Platform.Contracts package has their clients. "
                    + "Messages follow proto3's JSON mapping: lowerCamelCase names, 64-bit integers as strings, enums by name, every field written.",
                ["license"] = new JsonObject { ["name"] = "Proprietary: for the three bodies and their authorised apps", ["identifier"] = "LicenseRef-Platform" },
                ["contact"] = new JsonObject { ["name"] = "Joint-planning platform team" },
            },
            ["servers"] = new JsonArray(), // the gateway answering the request: ApiDocsExtensions fills it in
            ["tags"] = new JsonArray(Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Tag, ["description"] = t.Description }).ToArray()),
            ["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() }, new JsonObject { [OAuthScheme] = new JsonArray() }),
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
                    [OAuthScheme] = OAuth(new Uri("https://issuer.invalid/connect/authorize"), new Uri("https://issuer.invalid/connect/token")),
                },
                ["responses"] = ErrorResponses(),
                ["schemas"] = components,
            },
        };
    }

    public const string ErrorSchema = "platform.Error";
    public const string ProblemSchema = "platform.Problem";
    public const string OAuthScheme = "oauth2";

    /// <summary>
    /// The document for one gateway: its own URL as the server, and the issuer's authorization and token endpoints (from its
    /// OpenID Connect metadata) in the OAuth 2.0 flows. <paramref name="template"/> is left as it is.
    /// </summary>
    public static JsonObject ForGateway(JsonObject template, string serverUrl, Uri authorizationEndpoint, Uri tokenEndpoint)
    {
        var document = (JsonObject)template.DeepClone();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl, ["description"] = "This gateway (JSON on its HTTP/1.1 port)." });
        document["components"]!["securitySchemes"]![OAuthScheme] = OAuth(authorizationEndpoint, tokenEndpoint);
        return document;
    }

    /// <summary>The scopes an access token can carry: read and write of each body's service.</summary>
    public static IEnumerable<string> Scopes => Platform.Api.Security.PlatformBodies.All.SelectMany(b => new[] { $"{b}.read", $"{b}.write" });

    private static JsonObject OAuth(Uri authorizationEndpoint, Uri tokenEndpoint)
    {
        var scopes = new JsonObject();
        foreach (var scope in Scopes)
        {
            scopes[scope] = scope.EndsWith(".read", StringComparison.Ordinal)
                ? $"Read {scope.Split('.')[0]}'s data (within the caller's role)."
                : $"Write {scope.Split('.')[0]}'s data (within the caller's role).";
        }
        return new JsonObject
        {
            ["type"] = "oauth2",
            ["description"] = "The platform's issuer. Apps: client credentials. People: authorization code with PKCE. The token's body and role claims decide the rest.",
            ["flows"] = new JsonObject
            {
                ["clientCredentials"] = new JsonObject { ["tokenUrl"] = tokenEndpoint.ToString(), ["scopes"] = scopes.DeepClone() },
                ["authorizationCode"] = new JsonObject
                {
                    ["authorizationUrl"] = authorizationEndpoint.ToString(),
                    ["tokenUrl"] = tokenEndpoint.ToString(),
                    ["scopes"] = scopes,
                },
            },
        };
    }

    /// <summary>The error answers, each with the status JSON; referred to by every operation for the ones it can give.</summary>
    private static JsonObject ErrorResponses()
    {
        JsonObject Error(string description, JsonObject? headers = null)
        {
            var response = new JsonObject { ["description"] = description, ["content"] = Json(new JsonObject { ["$ref"] = $"#/components/schemas/{ErrorSchema}" }) };
            if (headers is not null)
            {
                response["headers"] = headers;
            }
            return response;
        }
        JsonObject Header(string description) => new() { ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } };
        var responses = new JsonObject
        {
            ["InvalidArgument"] = Error("INVALID_ARGUMENT (3): a field is malformed or breaks a rule (details name each field), "
                + "or FAILED_PRECONDITION (9): the resource's state does not allow the request."),
            ["Unauthenticated"] = Error("UNAUTHENTICATED (16): no access token, or one that is invalid or expired; answered by the gateway.",
                new JsonObject { ["WWW-Authenticate"] = Header("Bearer, with error=\"invalid_token\" when a token was sent but refused.") }),
            ["PermissionDenied"] = Error("PERMISSION_DENIED (7): the token's body, role or scope does not allow the request."),
            ["NotFound"] = Error("NOT_FOUND (5): no resource with that key, or one the request refers to does not exist."),
            ["Conflict"] = Error("ABORTED (10): the etag is stale, someone else changed the resource: read it again and retry; "
                + "or ALREADY_EXISTS (6): a resource with that key exists."),
            ["TooLarge"] = Error("RESOURCE_EXHAUSTED (8): the request body is over the gateway's limit (1 MiB by default); answered by the gateway."),
            ["TooManyRequests"] = Error("RESOURCE_EXHAUSTED (8): over the gateway's rate limit; answered by the gateway.",
                new JsonObject { ["Retry-After"] = Header("Seconds to wait before the next request.") }),
            ["Unavailable"] = Error("Any other error: UNAVAILABLE (14, 503) when the service cannot be reached, DEADLINE_EXCEEDED (4, 504), INTERNAL (13, 500)."),
        };
        return responses;
    }

    /// <summary>200 with the given schema, and the errors the route can give (<see cref="ErrorResponses"/>).</summary>
    public static JsonObject Responses(JsonObject ok, bool hasKey, bool writes, bool hasBody)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Json(ok) },
            ["400"] = Ref("InvalidArgument"),
            ["401"] = Ref("Unauthenticated"),
            ["403"] = Ref("PermissionDenied"),
        };
        if (hasKey || writes)
        {
            responses["404"] = Ref("NotFound");
        }
        if (writes)
        {
            responses["409"] = Ref("Conflict");
        }
        if (hasBody)
        {
            responses["413"] = Ref("TooLarge");
        }
        responses["429"] = Ref("TooManyRequests");
        responses["default"] = Ref("Unavailable");
        return responses;
    }

    public static JsonObject Ref(string response) => new() { ["$ref"] = $"#/components/responses/{response}" };

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
            ["operationId"] = route.OperationId,
            ["summary"] = method.Name,
        };
        operation["description"] = docs.Of(method) ?? $"{method.Name} of {method.Service.FullName}.";
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
                    parameters.Add(Parameter(name, "query", required: ProtoSchemas.IsRequired(leaf) && !name.Contains('.'), schemas.Of(leaf)));
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
        var writes = route.Verb != "get";
        operation["responses"] = Responses(output, hasKey: route.PathVariables.Count > 0, writes, hasBody: operation["requestBody"] is not null);
        var scope = $"{Tag(route.Template)}.{(method.GetOptions()?.GetExtension(AccessExtensions.Rule)?.Operation == Platform.Access.V1.Operation.Write ? "write" : "read")}";
        operation["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() }, new JsonObject { [OAuthScheme] = new JsonArray(scope) });
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
