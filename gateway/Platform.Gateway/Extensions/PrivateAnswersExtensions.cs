namespace Platform.Gateway.Extensions;

/// <summary>
/// Headers of the gateway's answers, proxied ones included: answers carrying records about people are never stored by
/// a browser or a cache on the way (Cache-Control: no-store), and no answer names the server software behind it.
/// </summary>
public static class PrivateAnswersExtensions
{
    /// <summary>
    /// Where records about people are read and written, by a segment of the path: cadre records (Organization), official
    /// records (Home Affairs), candidates and their vetting (Delegate Affairs), as JSON ("/api/delegate-affairs/v1/
    /// elections/{id}/candidates", "…/candidates/{id}/vetting:settle"), as gRPC (the first segment names the service),
    /// and the screens' pages that show them ("/candidates/{id}").
    /// </summary>
    private static readonly HashSet<string> PersonalDataSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "cadre-records",
        "official-records",
        "candidates",
        "vetting",
        "platform.organization.v1.CadreService",
        "platform.homeaffairs.v1.OfficialService",
        "platform.delegateaffairs.v1.CandidateService",
    };

    // Looked up by span: every request is checked, and a path split into strings would be garbage each time.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan = PersonalDataSegments.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The screens' election pages list candidates and their vetting.</summary>
    private static readonly PathString ScreensElections = "/elections";

    public static IApplicationBuilder UsePrivateAnswers(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var personal = IsPersonalData(context.Request.Path);
        // Just before the headers go out: after YARP has copied the service's headers, whatever they were.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.Remove("Server");
            if (personal)
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static bool IsPersonalData(PathString path)
    {
        if (path.StartsWithSegments(ScreensElections, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var value = path.Value.AsSpan();
        foreach (var range in value.Split('/'))
        {
            var segment = value[range];
            var verb = segment.IndexOf(':'); // "candidates:batchCreate"
            if (BySpan.Contains(verb < 0 ? segment : segment[..verb]))
            {
                return true;
            }
        }
        return false;
    }
}
