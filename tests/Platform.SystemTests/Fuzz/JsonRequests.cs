using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Platform.SystemTests.Fuzz;

/// <summary>An HTTP request of the JSON API as the fuzzer sends it.</summary>
public sealed record JsonRequest(string Verb, string PathAndQuery, byte[]? Body, string ContentType, string Spoiled)
{
    public override string ToString() =>
        $"{Verb} {Truncated(PathAndQuery)} [{ContentType}] {Spoiled}\n{(Body is null ? "" : Truncated(Encoding.UTF8.GetString(Body)))}";

    private static string Truncated(string text) => text.Length <= 600 ? text : $"{text[..600]}… ({text.Length} characters)";
}

/// <summary>
/// Requests to the JSON routes (google.api.http of each RPC): path parameters, query parameters and bodies built
/// from the request's descriptor, with values of the wrong JSON type, unknown enum names, numbers out of range,
/// deep nesting, bodies that are not JSON, not UTF-8, empty or too large, and the wrong content type.
/// </summary>
public sealed class JsonRequests(FuzzValues values)
{
    public JsonRequest Build(Rpc rpc)
    {
        var (verb, template) = rpc.Route;
        var input = rpc.Method.InputType;
        var pathFields = new HashSet<string>();
        var path = new StringBuilder();
        foreach (var part in Segments(template))
        {
            if (part.StartsWith('{'))
            {
                var fieldPath = part.Trim('{', '}').Split('=')[0];
                pathFields.Add(fieldPath.Split('.')[0]);
                var leaf = Resolve(input, fieldPath);
                var value = leaf is null ? "x" : values.String(leaf.ContainingType.Name, leaf.Name);
                path.Append(values.Chance(0.05) ? value.Replace("?", "").Replace("#", "") : Uri.EscapeDataString(value));
            }
            else
            {
                path.Append(part);
            }
        }

        var bodyField = rpc.Http!.Body;
        var query = new List<string>();
        JsonNode? body = null;
        foreach (var field in input.Fields.InDeclarationOrder())
        {
            if (pathFields.Contains(field.Name))
            {
                continue;
            }
            if (bodyField == "*" || bodyField == field.Name)
            {
                continue;
            }
            if (values.Chance(0.6))
            {
                AddQuery(query, field.Name, field, 0);
            }
        }
        if (values.Chance(0.1))
        {
            query.Add($"{values.Pick(["unknownParam", "page_size", "pageSize", "$filter", "a[b]", "%00"])}={Uri.EscapeDataString(values.String("Query", "x"))}");
        }
        if (bodyField == "*")
        {
            var whole = Object(input, 0, pathFields);
            body = whole;
        }
        else if (!string.IsNullOrEmpty(bodyField))
        {
            var field = input.FindFieldByName(bodyField);
            body = field.FieldType == FieldType.Message ? Object(field.MessageType, 1, new HashSet<string>()) : Scalar(field);
        }

        var pathAndQuery = query.Count == 0 ? path.ToString() : $"{path}?{string.Join('&', query)}";
        if (verb is "GET" or "DELETE" && bodyField is null or "")
        {
            return new JsonRequest(verb, pathAndQuery, null, "", "");
        }
        return Spoil(verb, pathAndQuery, body);
    }

    /// <summary>The body as JSON, or spoiled: not JSON, not UTF-8, nested too deep, too large, empty, the wrong content type.</summary>
    private JsonRequest Spoil(string verb, string pathAndQuery, JsonNode? body)
    {
        var json = body?.ToJsonString() ?? "{}";
        var roll = values.Random.NextDouble();
        return roll switch
        {
            < 0.55 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(json), "application/json", ""),
            < 0.60 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(json[..values.Random.Next(0, json.Length)]), "application/json", "truncated JSON"),
            < 0.65 => new(verb, pathAndQuery, [.. Encoding.UTF8.GetBytes(json.TrimEnd('}')), .. ",\"x\":\""u8, 0xff, 0xfe, .. "\"}"u8], "application/json", "invalid UTF-8"),
            < 0.70 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(Nested(values.Pick([64, 65, 1000, 100_000]))), "application/json", "deep nesting"),
            < 0.73 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes($"{{\"x\":\"{new string('a', 2 * 1024 * 1024)}\"}}"), "application/json", "over the body limit"),
            < 0.77 => new(verb, pathAndQuery, [], "application/json", "empty body"),
            < 0.82 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(json), values.Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "application/grpc", "multipart/form-data; boundary=x"]), "wrong content type"),
            < 0.87 => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(values.Pick(["null", "[]", "[{}]", "\"text\"", "42", "true", "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "{\"a\":1}{\"b\":2}", "/* comment */ {}"])), "application/json", "not an object"),
            _ => new(verb, pathAndQuery, Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", ""),
        };
    }

    /// <summary>{"a":{"a":…}} or [[[…]]], <paramref name="depth"/> levels deep.</summary>
    private string Nested(int depth) => values.Chance(0.5)
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : "{\"x\":" + new string('[', depth) + new string(']', depth) + "}";

    private JsonObject Object(MessageDescriptor descriptor, int depth, ISet<string> pathFields)
    {
        var json = new JsonObject();
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if ((depth == 0 && pathFields.Contains(field.Name)) || !values.Chance(depth == 0 ? 0.85 : 0.7))
            {
                continue;
            }
            var name = values.Chance(0.8) ? field.JsonName : field.Name;
            json[name] = Value(field, depth + 1);
        }
        if (values.Chance(0.05))
        {
            json[values.Pick(["unknownField", "__proto__", "$type", "@type", "constructor"])] = values.String("Unknown", "x");
        }
        return json;
    }

    private JsonNode? Value(FieldDescriptor field, int depth)
    {
        if (values.Chance(0.08))
        {
            return WrongType();
        }
        if (field.IsMap)
        {
            var map = new JsonObject();
            for (var i = values.Count(); i > 0 && i < 100; i--)
            {
                map[values.String("Map", "key")] = Single(field.MessageType.FindFieldByNumber(2), depth);
            }
            return map;
        }
        if (field.IsRepeated)
        {
            var array = new JsonArray();
            var count = values.Count();
            var first = values.Repeated(count, () => Single(field, depth));
            for (var i = 0; i < count; i++)
            {
                array.Add(i == 0 ? first : count < 50 ? Single(field, depth) : first?.DeepClone());
            }
            return array;
        }
        return Single(field, depth);
    }

    private JsonNode? Single(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.Message when field.MessageType.FullName == FieldMask.Descriptor.FullName =>
            string.Join(',', Enumerable.Range(0, values.Random.Next(0, 3)).Select(_ => values.Pick(["name", "fullName", "full_name", "etag", "nope", "", "a.b"]))),
        FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName =>
            values.Pick(["2021-05-23T00:00:00Z", "not a time", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2021-05-23"]),
        FieldType.Message when depth <= 4 => Object(field.MessageType, depth, new HashSet<string>()),
        FieldType.Message => null,
        _ => Scalar(field),
    };

    private JsonNode? Scalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => values.String(field.ContainingType.Name, field.Name),
        FieldType.Bool => values.Chance(0.8) ? values.Chance(0.5) : values.Pick<JsonNode>(["true", 1, "yes"]),
        FieldType.Int32 or FieldType.SInt32 or FieldType.UInt32 or FieldType.Fixed32 or FieldType.SFixed32 =>
            values.Chance(0.8) ? values.Int32() : values.Pick<JsonNode>(["12", 1.5, 1e20, "abc", -0.0, "0x10", 2147483648L]),
        FieldType.Int64 or FieldType.SInt64 or FieldType.UInt64 or FieldType.Fixed64 or FieldType.SFixed64 =>
            values.Chance(0.5) ? values.Int64().ToString(CultureInfo.InvariantCulture) : values.Pick<JsonNode>([values.Int64(), "99999999999999999999", 1.5]),
        FieldType.Double or FieldType.Float => values.Pick<JsonNode>([1.5, -1, "NaN", "Infinity", 1e308, "1e999"]),
        FieldType.Enum => values.Chance(0.7)
            ? (JsonNode)values.Pick(field.EnumType.Values.ToList()).Name
            : values.Pick<JsonNode>(["NOT_A_VALUE", "", 999, -1, field.EnumType.Values[0].Name.ToLowerInvariant(), "PROVINCE"]),
        FieldType.Bytes => values.Pick(["", "AAAA", "not base64!", "////"]),
        _ => null,
    };

    private JsonNode? WrongType() => values.Random.Next(0, 7) switch
    {
        0 => null,
        1 => 42,
        2 => "text",
        3 => true,
        4 => new JsonObject { ["a"] = 1 },
        5 => new JsonArray(1, "two"),
        _ => -1.5e300,
    };

    private void AddQuery(List<string> query, string name, FieldDescriptor field, int depth)
    {
        if (field.FieldType == FieldType.Message && field.MessageType.FullName == FieldMask.Descriptor.FullName)
        {
            query.Add($"{Key(name)}={Uri.EscapeDataString(Single(field, depth)?.GetValue<string>() ?? "")}");
            return;
        }
        if (field.FieldType == FieldType.Message)
        {
            if (depth < 2)
            {
                foreach (var inner in field.MessageType.Fields.InDeclarationOrder().Where(_ => values.Chance(0.3)))
                {
                    AddQuery(query, $"{name}.{inner.Name}", inner, depth + 1);
                }
            }
            return;
        }
        var count = field.IsRepeated ? values.Random.Next(0, 3) : 1;
        for (var i = 0; i < count; i++)
        {
            var value = values.Chance(0.1) ? values.Pick(Hostile) : Scalar(field)?.ToString() ?? "";
            query.Add($"{Key(name)}={Uri.EscapeDataString(value)}");
        }
    }

    private static readonly string[] Hostile = ["", "abc", "-1", "1e3", "99999999999999999999", "true", "NOT_A_VALUE", "%00", "\u202e"];

    private string Key(string name) => values.Chance(0.5) ? name : string.Join('.', name.Split('.').Select(LowerCamel));

    private static string LowerCamel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static FieldDescriptor? Resolve(MessageDescriptor descriptor, string path)
    {
        FieldDescriptor? field = null;
        foreach (var name in path.Split('.'))
        {
            field = descriptor?.FindFieldByName(name);
            descriptor = field?.FieldType == FieldType.Message ? field.MessageType : null!;
        }
        return field;
    }

    /// <summary>"/api/x/{a.b}/y" → "/api/x/", "{a.b}", "/y".</summary>
    private static IEnumerable<string> Segments(string template)
    {
        var start = 0;
        while (start < template.Length)
        {
            var open = template.IndexOf('{', start);
            if (open < 0)
            {
                yield return template[start..];
                yield break;
            }
            if (open > start)
            {
                yield return template[start..open];
            }
            var close = template.IndexOf('}', open);
            yield return template[open..(close + 1)];
            start = close + 1;
        }
    }
}
