using Google.Api;
using Google.Protobuf.Reflection;
using Platform.Contracts.Routing;

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

    /// <summary>
    /// The operation's id in the OpenAPI document: the RPC's full name (a second binding numbered). A shared service's
    /// route for one body keeps the id its per-body copy gave it before the copies were retired (the RPC under the
    /// body's retired name, "platform.homeaffairs.v1.JointPlanningService.GetConference"), so clients generated from
    /// the document keep their method names.
    /// </summary>
    public string OperationId { get; init; } = Method.FullName + (Binding == 0 ? "" : $"_{Binding + 1}");

    /// <summary>
    /// Every route the contracts declare, in file, service and method order. A shared route leaves the body open
    /// ("/api/*/v1/conferences/{id}"); the document names each body's path, as the gateway routes them.
    /// </summary>
    public static IReadOnlyList<HttpRoute> All { get; } = PublishedContracts.Services
        .SelectMany(service => service.Methods)
        .SelectMany(Of)
        .SelectMany(ForEachBody)
        .ToList();

    private const string AnyBody = "/api/*/";

    private static IEnumerable<HttpRoute> ForEachBody(HttpRoute route)
    {
        if (!route.Template.StartsWith(AnyBody, StringComparison.Ordinal))
        {
            return [route];
        }
        // platform.jointplanning.v1.JointPlanningService.GetConference → platform.homeaffairs.v1.JointPlanningService.GetConference
        string RetiredName(string body) => $"platform.{body.Replace("-", "")}.v1.{route.Method.Service.Name}.{route.Method.Name}";
        return BodyRouting.Serving(route.Method.Service.FullName).Select(body => route with
        {
            Template = $"/api/{body}/{route.Template[AnyBody.Length..]}",
            OperationId = RetiredName(body) + (route.Binding == 0 ? "" : $"_{route.Binding + 1}"),
        });
    }

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
