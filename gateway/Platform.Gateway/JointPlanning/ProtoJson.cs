using System.Text.Json.Nodes;
using Google.Protobuf;
using Platform.JointPlanning.Reads;

namespace Platform.Gateway.JointPlanning;

/// <summary>Protobuf messages as the services' own JSON API writes them, to embed in the gateway's answers.</summary>
public static class ProtoJson
{
    // lowerCamelCase names and enums by name (the formatter's defaults); defaults written so that the screens see
    // 0, false and "" rather than a missing field.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static JsonNode ToNode(IMessage message) => JsonNode.Parse(Formatter.Format(message))!;

    public static JsonArray ToArray(IEnumerable<IMessage> messages) => new(messages.Select(ToNode).ToArray());

    public static JsonArray Unavailable(IEnumerable<(string Body, string Reason)> missing) =>
        new(missing.Select(m => (JsonNode)new JsonObject { ["body"] = m.Body, ["reason"] = m.Reason }).ToArray());
}
