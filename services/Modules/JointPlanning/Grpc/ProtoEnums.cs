using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Platform.JointPlanning.Grpc;

/// <summary>
/// Proto enum values as the model and the events write them: the value's proto name without the enum's
/// prefix (ConferenceStatus.Scheduled ↔ "SCHEDULED").
/// </summary>
internal static class ProtoEnums
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<Enum, string> Names, Dictionary<string, Enum> Values)> Tables = new();

    public static string Name<T>(T value) where T : struct, Enum => Table<T>().Names.GetValueOrDefault(value, "UNSPECIFIED");

    /// <summary>The value named, or the unspecified value (0) for a name the enum does not have.</summary>
    public static T Parse<T>(string? name) where T : struct, Enum =>
        name is not null && Table<T>().Values.TryGetValue(name, out var value) ? (T)value : default;

    /// <summary>A value the caller may set: defined and not the unspecified zero.</summary>
    public static bool IsChosen<T>(T value) where T : struct, Enum => Enum.IsDefined(value) && Convert.ToInt32(value) != 0;

    private static (Dictionary<Enum, string> Names, Dictionary<string, Enum> Values) Table<T>() where T : struct, Enum =>
        Tables.GetOrAdd(typeof(T), type =>
        {
            var names = new Dictionary<Enum, string>();
            var values = new Dictionary<string, Enum>();
            var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static);
            var prefix = CommonPrefix(fields.Select(f => f.GetCustomAttribute<OriginalNameAttribute>()!.Name).ToList());
            foreach (var field in fields)
            {
                var name = field.GetCustomAttribute<OriginalNameAttribute>()!.Name[prefix.Length..];
                var value = (Enum)field.GetValue(null)!;
                names[value] = name;
                values[name] = value;
            }
            return (names, values);
        });

    // Every value of an enum starts with its "<ENUM_NAME>_" prefix (buf's ENUM_VALUE_PREFIX rule).
    private static string CommonPrefix(List<string> names)
    {
        var unspecified = names.Single(n => n.EndsWith("_UNSPECIFIED", StringComparison.Ordinal));
        return unspecified[..^"UNSPECIFIED".Length];
    }
}
