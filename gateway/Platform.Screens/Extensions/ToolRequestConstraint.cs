namespace Platform.Screens.Extensions;

/// <summary>
/// Matches what <see cref="BrowserPageConstraint"/>'s "not found" page does not take: a tool's or an API caller's
/// request to an address no page answers, or a browser's request for a file. The gateway sends the screens every
/// address that is not its own, so these come here; they get the answer the gateway gave them when it hosted the
/// screens (ScreensExtensions.MapScreens): 401 without a valid token, else 404.
/// </summary>
public sealed class ToolRequestConstraint : IRouteConstraint
{
    public const string Name = "toolrequest";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (httpContext is null)
        {
            return routeDirection == RouteDirection.UrlGeneration;
        }
        var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? "" : "";
        return !BrowserPageConstraint.IsBrowserPage(httpContext.Request) || IsFile(path);
    }

    /// <summary>As the framework's "nonfile" constraint tells a file: its last segment has an extension.</summary>
    private static bool IsFile(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        return dot > 0 && dot < last.Length - 1;
    }
}
