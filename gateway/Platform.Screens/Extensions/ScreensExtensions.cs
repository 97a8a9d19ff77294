using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Security;
using Platform.JointPlanning.Reads;

namespace Platform.Screens.Extensions;

/// <summary>
/// The joint-planning screens: server-rendered Razor Pages (no front-end build) in an app of their own behind the
/// gateway, signed in with the platform's identity by authorization code + PKCE, kept in a cookie session of their
/// own; every page reads and writes through the services with the person's own access token.
/// </summary>
public static class ScreensExtensions
{
    public const string CookieScheme = "screens";
    public const string SignInScheme = "screens-oidc";
    public const string Policy = "screens";

    /// <summary>The platform's access tokens, for the answer to a tool's request no page takes (<see cref="ToolRequestConstraint"/>).</summary>
    public const string ApiScheme = "api";

    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(PlatformAuthenticationOptions.Section).Get<PlatformAuthenticationOptions>()
            ?? new PlatformAuthenticationOptions();
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", Policy);
            pages.Conventions.AllowAnonymousToPage("/SignedOut");
        });
        builder.Services.Configure<RouteOptions>(routes =>
        {
            routes.SetParameterPolicy<BrowserPageConstraint>(BrowserPageConstraint.Name);
            routes.SetParameterPolicy<ToolRequestConstraint>(ToolRequestConstraint.Name);
        });
        // Vietnamese is written as itself in the pages, not as numeric character references (Razor's default
        // encoder escapes everything beyond Basic Latin): smaller pages, readable source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Each page's security headers (CSP, X-Frame-Options: DENY…) are the gateway's, set on every answer it passes
        // on (GatewayLimitsExtensions.UseSecurityHeaders): antiforgery's own X-Frame-Options would join its DENY as
        // "DENY, SAMEORIGIN", which a browser ignores.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);
        builder.Services.AddHttpContextAccessor();
        // Every replica of each body's service (Services:<body>:Destinations:<name>:Address).
        builder.Services.AddJointPlanningReads("Services:{0}:Destinations");
        builder.Services.AddScoped<ScreenSession>();
        builder.Services.TryAddSingleton(TimeProvider.System); // "today" for what falls due
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Places.ProvinceNames>();
        builder.Services.AddScoped<Pages.Conferences.ConferenceServices>();
        builder.Services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "platform.screens";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ForwardChallenge = SignInScheme;
                cookie.AccessDeniedPath = "/khong-co-quyen";
            })
            .AddOpenIdConnect(SignInScheme, oidc =>
            {
                oidc.Authority = settings.Authority;
                oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                oidc.ClientId = "planning-screens"; // a public client: PKCE instead of a secret
                oidc.ResponseType = "code";
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.SaveTokens = true; // the access token is what the pages call the services with
                oidc.UseTokenLifetime = true;
                oidc.SignInScheme = CookieScheme;
                oidc.CallbackPath = "/signin-callback";
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                foreach (var body in PlatformBodies.All)
                {
                    oidc.Scope.Add($"{body}.read");
                    oidc.Scope.Add($"{body}.write");
                }
                // Plain-HTTP local runs: the round trip through the issuer is a same-site top-level navigation.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            })
            .AddJwtBearer(ApiScheme, jwt => AuthenticationExtensions.ValidatePlatformTokens(jwt, settings));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser())
            .AddPolicy(ApiScheme, policy => policy.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapScreens(this WebApplication app)
    {
        // Each page calls the services: limited per signed-in person (else per address), apart from the API's limits.
        app.MapRazorPages().RequireRateLimiting(ScreensLimitsExtensions.Policy);
        // A page address that nothing answers: the Vietnamese "not found" page inside the layout (after sign-in, like
        // every page, so that it tells no stranger which addresses exist), not the browser's bare 401.
        app.MapFallbackToPage($"{{*path:nonfile:{BrowserPageConstraint.Name}}}", "/Errors/NotFound")
            .RequireRateLimiting(ScreensLimitsExtensions.Policy);
        // Any other address, asked for by a tool or an API caller (or a file a browser asks for): the gateway's answer
        // from when the screens were part of it, 401 without a valid access token, else 404. Ordered just before the
        // page's fallback, which routing cannot hold at the same priority as another (it is expanded per request).
        app.MapFallback($"{{*path:{ToolRequestConstraint.Name}}}", () => Results.NotFound())
            .WithOrder(int.MaxValue - 1)
            .RequireAuthorization(ApiScheme);
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, CookieScheme);
            return Results.Redirect("/signed-out");
        }).RequireAuthorization(Policy).RequireRateLimiting(ScreensLimitsExtensions.Policy);
        return app;
    }
}
