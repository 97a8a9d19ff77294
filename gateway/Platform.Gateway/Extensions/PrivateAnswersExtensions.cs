namespace Platform.Gateway.Extensions;

/// <summary>
/// Headers of the gateway's answers, proxied ones included: answers carrying records about people are never stored by
/// a browser or a cache on the way (Cache-Control: no-store), and no answer names the server software behind it.
/// </summary>
public static class PrivateAnswersExtensions
{
    /// <summary>
    /// Where records about people are read and written: cadre records (Organization), official records (Home Affairs),
    /// candidates and their vetting (Delegate Affairs), as JSON, as gRPC, and the screens' pages that show candidates.
    /// </summary>
    public static readonly IReadOnlyList<string> PersonalDataPaths =
    [
        "/api/organization/v1/cadre-records",
        "/api/home-affairs/v1/official-records",
        "/api/delegate-affairs/v1/candidates",
        "/platform.organization.v1.CadreService",
        "/platform.homeaffairs.v1.OfficialService",
        "/platform.delegateaffairs.v1.CandidateService",
        "/candidates",
        "/elections",
    ];

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

    public static bool IsPersonalData(PathString path) =>
        PersonalDataPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
