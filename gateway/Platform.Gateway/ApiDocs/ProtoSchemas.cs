using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// JSON Schemas (OpenAPI 3.1) of the messages as JSON transcoding writes and reads them, the proto3 JSON mapping:
/// lowerCamelCase names, 64-bit integers as strings, enums by name, Timestamps as RFC 3339 strings. Each message
/// and enum is one component schema, named by its full proto name.
/// </summary>
public sealed class ProtoSchemas(ContractDocs docs)
{
    private readonly SortedDictionary<string, JsonObject> _components = new(StringComparer.Ordinal);

    public JsonObject Components()
    {
        var components = new JsonObject();
        foreach (var (name, schema) in _components)
        {
            components[name] = schema;
        }
        return components;
    }

    /// <summary>The schema of a message: a reference to its component, or inline for a well-known type.</summary>
    public JsonObject Of(MessageDescriptor message)
    {
        if (WellKnown(message.FullName) is { } known)
        {
            return known;
        }
        if (!_components.ContainsKey(message.FullName))
        {
            var schema = new JsonObject { ["type"] = "object" };
            _components[message.FullName] = schema; // before the fields: a message may contain itself
            Describe(schema, docs.Of(message));
            schema["properties"] = Properties(message, exclude: new HashSet<string>());
            Require(schema, message, exclude: new HashSet<string>());
        }
        return Ref(message.FullName);
    }

    /// <summary>A message inline, without the fields that are bound elsewhere (path variables of a body "*").</summary>
    public JsonObject Inline(MessageDescriptor message, IReadOnlySet<string> exclude)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = Properties(message, exclude) };
        Require(schema, message, exclude);
        return schema;
    }

    /// <summary>google.api.field_behavior REQUIRED: the field must be sent (and is always written).</summary>
    public static bool IsRequired(FieldDescriptor field) => Behaviors(field).Contains(FieldBehavior.Required);

    private static IEnumerable<FieldBehavior> Behaviors(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? (IEnumerable<FieldBehavior>)[];

    private static void Require(JsonObject schema, MessageDescriptor message, IReadOnlySet<string> exclude)
    {
        var required = message.Fields.InDeclarationOrder().Where(f => !exclude.Contains(f.Name) && IsRequired(f)).ToList();
        if (required.Count > 0)
        {
            schema["required"] = new JsonArray(required.Select(f => (JsonNode)JsonValue.Create(f.JsonName)!).ToArray());
        }
    }

    public JsonObject Of(FieldDescriptor field)
    {
        JsonObject schema;
        if (field.IsMap)
        {
            schema = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Single(field.MessageType.FindFieldByNumber(2)),
            };
        }
        else if (field.IsRepeated)
        {
            schema = new JsonObject { ["type"] = "array", ["items"] = Single(field) };
        }
        else
        {
            schema = Single(field);
        }
        Describe(schema, docs.Of(field));
        if (Behaviors(field).Contains(FieldBehavior.OutputOnly))
        {
            schema["readOnly"] = true; // set by the service; ignored in a request
        }
        return schema;
    }

    private JsonObject Properties(MessageDescriptor message, IReadOnlySet<string> exclude)
    {
        var properties = new JsonObject();
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (!exclude.Contains(field.Name))
            {
                properties[field.JsonName] = Of(field);
            }
        }
        return properties;
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Of(field.MessageType),
        FieldType.Enum => Of(field.EnumType),
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        FieldType.Double => new JsonObject { ["type"] = "number", ["format"] = "double" },
        FieldType.Float => new JsonObject { ["type"] = "number", ["format"] = "float" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["minimum"] = 0 },
        // proto3 JSON writes 64-bit integers as strings (JavaScript numbers cannot hold them).
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.UInt64 or FieldType.Fixed64 => new JsonObject { ["type"] = "string", ["format"] = "uint64" },
        _ => new JsonObject(),
    };

    private JsonObject Of(EnumDescriptor value)
    {
        if (!_components.ContainsKey(value.FullName))
        {
            var schema = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray(value.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray()),
            };
            Describe(schema, docs.Of(value));
            _components[value.FullName] = schema;
        }
        return Ref(value.FullName);
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    private static void Describe(JsonObject schema, string? description)
    {
        if (description is not null)
        {
            schema["description"] = description;
        }
    }

    private static JsonObject? WellKnown(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = @"^-?\d+(\.\d+)?s$", ["examples"] = new JsonArray("3.5s") },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["description"] = "Field paths, comma-separated (e.g. \"name,validTo\")." },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array" },
        "google.protobuf.Any" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } } },
        "google.protobuf.StringValue" => Nullable("string"),
        "google.protobuf.BytesValue" => Nullable("string", "byte"),
        "google.protobuf.BoolValue" => Nullable("boolean"),
        "google.protobuf.DoubleValue" => Nullable("number", "double"),
        "google.protobuf.FloatValue" => Nullable("number", "float"),
        "google.protobuf.Int32Value" => Nullable("integer", "int32"),
        "google.protobuf.UInt32Value" => Nullable("integer", "int64"),
        "google.protobuf.Int64Value" => Nullable("string", "int64"),
        "google.protobuf.UInt64Value" => Nullable("string", "uint64"),
        _ => null,
    };

    private static JsonObject Nullable(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = new JsonArray(type, "null") };
        if (format is not null)
        {
            schema["format"] = format;
        }
        return schema;
    }
}
