using System.Text.RegularExpressions;
using System.Xml.Linq;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The comments of the .proto files, as the C# generator wrote them into Platform.Contracts.xml (compiled
/// descriptors carry no comments). Missing file or member: no description, never an error.
/// </summary>
public sealed partial class ContractDocs
{
    private readonly Dictionary<string, string> _summaries = new(StringComparer.Ordinal);

    public ContractDocs(string xmlPath)
    {
        if (!File.Exists(xmlPath))
        {
            return;
        }
        foreach (var member in XDocument.Load(xmlPath).Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is null || summary is null)
            {
                continue;
            }
            // Methods are looked up without their parameter list; the first overload's summary serves.
            var key = name.Split('(')[0];
            _summaries.TryAdd(key, Whitespace().Replace(string.Concat(summary.Nodes().Select(Text)), " ").Trim());
        }
    }

    public static ContractDocs Load() =>
        new(Path.Combine(AppContext.BaseDirectory, typeof(Platform.Access.V1.AccessReflection).Assembly.GetName().Name + ".xml"));

    public string? Of(MessageDescriptor message) => Find("T:" + message.ClrType?.FullName?.Replace('+', '.'));

    public string? Of(EnumDescriptor value) => Find("T:" + value.ClrType?.FullName?.Replace('+', '.'));

    public string? Of(FieldDescriptor field) =>
        Find($"P:{field.ContainingType.ClrType?.FullName?.Replace('+', '.')}.{field.PropertyName}");

    public string? Of(MethodDescriptor method)
    {
        var service = method.Service;
        var ns = service.File.GetOptions()?.CsharpNamespace;
        return Find($"M:{ns}.{service.Name}.{service.Name}Base.{method.Name}");
    }

    private string? Find(string key) => _summaries.TryGetValue(key, out var summary) && summary.Length > 0 ? summary : null;

    // <see cref="..."/> and <c>...</c> keep their text; the generator's XML escapes are undone by XDocument.
    private static string Text(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" } see => see.Attribute("cref")?.Value.Split('.').Last() ?? see.Value,
        XElement element => element.Value,
        _ => "",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
