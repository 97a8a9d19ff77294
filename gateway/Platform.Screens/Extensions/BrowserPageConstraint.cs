namespace Platform.Screens.Extensions;

/// <summary>
/// Matches only a browser asking for a page (GET or HEAD accepting text/html, outside /api/): the screens' "not
/// found" page is for people. A gRPC call, an API call or a tool's request to an unknown address keeps the gateway's
/// own answer (401 without a token, else 404), as before the screens left the gateway (<see cref="ToolRequestConstraint"/>).
/// </summary>
public sealed class BrowserPageConstraint : IRouteConstraint
{
    public const string Name = "browserpage";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (httpContext is null)
        {
            return routeDirection == RouteDirection.UrlGeneration;
        }
        return IsBrowserPage(httpContext.Request);
    }

    public static bool IsBrowserPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
