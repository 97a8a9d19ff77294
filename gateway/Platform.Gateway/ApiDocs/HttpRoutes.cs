using Google.Api;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>One JSON route of an RPC: a google.api.http rule or one of its additional_bindings.</summary>
public sealed partial record HttpRoute(MethodDescriptor Method, string Verb, string Template, string Body, string ResponseBody, int Binding)
{
    /// <summary>The path with its variables blanked ("/api/x/v1/units/{}"): routes that differ only in their variables' names share it.</summary>
    public string Signature => Variable().Replace(Template, "{}");

    /// <summary>The field paths bound to path variables, e.g. "administrative_unit.code".</summary>
    public IReadOnlyList<string> PathVariables => Variable().Matches(Template).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The OpenAPI path with the given names for its variables, in order ("{name=segments/*}" becomes "{name}").</summary>
    public string PathWith(IReadOnlyList<string> names)
    {
        var i = 0;
        return Variable().Replace(Template, _ => $"{{{names[i++]}}}");
    }

    /// <summary>Every route the contracts declare, in file, service and method order.</summary>
    public static IReadOnlyList<HttpRoute> All { get; } = PublishedContracts.Services
        .SelectMany(service => service.Methods)
        .SelectMany(Of)
        .ToList();

    public static IEnumerable<HttpRoute> Of(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            yield break;
        }
        yield return From(method, rule, 0);
        for (var i = 0; i < rule.AdditionalBindings.Count; i++)
        {
            yield return From(method, rule.AdditionalBindings[i], i + 1);
        }
    }

    private static HttpRoute From(MethodDescriptor method, HttpRule rule, int binding)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
            _ => throw new InvalidOperationException($"{method.FullName}: an http rule without a pattern"),
        };
        return new HttpRoute(method, verb, template, rule.Body, rule.ResponseBody, binding);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^}=]+)(=[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Variable();
}
