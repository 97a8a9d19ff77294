namespace Platform.Gateway.Extensions;

/// <summary>
/// The screens are an app of their own (gateway/Platform.Screens) behind the gateway: the proxy route "screens"
/// (appsettings.json) sends them /, their pages, stylesheets and sign-in callback, with the browser's Host kept, so
/// that people see one address. It needs no token (the screens sign people in themselves) and is limited per address
/// (<see cref="GatewayLimitsExtensions.ScreensPolicy"/>); the gateway's security headers are added to what comes back.
/// </summary>
public static class ScreensRouteExtensions
{
    public static WebApplicationBuilder AddScreensRoute(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(routes => routes.SetParameterPolicy<ScreensPathConstraint>(ScreensPathConstraint.Name));
        return builder;
    }
}
