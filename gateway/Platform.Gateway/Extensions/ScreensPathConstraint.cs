namespace Platform.Gateway.Extensions;

/// <summary>
/// The constraint of the catch-all route to the screens (appsettings.json, ReverseProxy:Routes:screens, "/{**path:screens}",
/// Order 1000: the gateway's own endpoints and the API routes come first). It keeps for the gateway what is the
/// gateway's even where no endpoint of it matches: an unknown /api/… path or gRPC method gets the gateway's own
/// answer (the documented error body, 401 without a token), not the screens' "not found" page; and the addresses the
/// gateway serves outside routing (its static files, the development issuer's discovery documents) stay its own.
/// Everything else — /, the pages, their stylesheets, /signin-callback, /signout — goes to the screens.
/// </summary>
public sealed class ScreensPathConstraint : IRouteConstraint
{
    public const string Name = "screens";

    /// <summary>The gateway's own: the API, the issuer (in development), its docs and probes.</summary>
    private static readonly PathString[] GatewayPaths =
        ["/api", "/api-docs", "/connect", "/account", "/.well-known", "/openapi", "/docs", "/healthz", "/metrics"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (httpContext is null)
        {
            return routeDirection == RouteDirection.UrlGeneration;
        }
        var path = httpContext.Request.Path;
        return !GrpcAnswers.IsGrpc(httpContext)
            && !GatewayPaths.Any(own => path.StartsWithSegments(own, StringComparison.OrdinalIgnoreCase));
    }
}
