using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Platform.Api.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>
/// The platform's own OpenID Connect issuer, for local runs, tests and the demo only: client
/// credentials for internal apps, and authorization code + PKCE with a login page for people.
/// Production points the gateway and the services at the ministries' identity provider instead, and its builds do
/// not contain this assembly (Platform.Gateway.csproj, DevelopmentIssuer); the gateway calls these only in Development.
/// </summary>
public static class DevelopmentIssuerExtensions
{
    public static WebApplicationBuilder AddDevelopmentIssuer(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is not configured.");
        builder.Services.AddDbContext<IdentityDbContext>(options =>
        {
            options.UseInMemoryDatabase("platform-identity");
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer));
                server.SetTokenEndpointUris("connect/token").SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. DevelopmentDirectory.AllScopes, Scopes.OpenId]);
                // Keys live as long as the process: run.sh restarts the services with it, and the
                // services refresh the issuer's keys when they meet an unknown one.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
                // A wrong client secret (or an unknown client) is a failure for the throttle, wherever the issuer finds it.
                server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context =>
                {
                    if (context.Response.Error == Errors.InvalidClient && context.Transaction.GetHttpRequest() is { } http)
                    {
                        http.HttpContext.RequestServices.GetRequiredService<SignInThrottle>()
                            .Failed(context.Request?.ClientId ?? "", http.HttpContext.Connection.RemoteIpAddress);
                    }
                    return default;
                }));
            });
        builder.Services.AddSingleton(builder.Configuration.GetSection(SignInThrottleOptions.Section).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddAuthentication()
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie => cookie.LoginPath = "/account/login");
        builder.Services.AddHostedService<DevelopmentClientSeeder>();
        return builder;
    }

    /// <summary>Before authentication, where the issuer handles its endpoints: token requests of a client that failed too often get 429.</summary>
    public static WebApplication UseDevelopmentIssuer(this WebApplication app)
    {
        SignInThrottle.UseTokenEndpointThrottle(app);
        return app;
    }

    public static WebApplication MapDevelopmentIssuer(this WebApplication app)
    {
        app.MapPost("/connect/token", (Delegate)IssueTokenAsync).AllowAnonymous();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync).AllowAnonymous();
        // The login form's answer redirects (through /connect/authorize) to the screens' callback, and a browser holds
        // every redirect after a form to the page's form-action: the callbacks' origins join 'self' on this page, so
        // that the screens may be reached at another host name than the issuer's (127.0.0.1 and localhost).
        var callbackOrigins = string.Join(" ", (app.Configuration.GetSection("Identity:ScreensRedirectUris").Get<string[]>() ?? [])
            .Select(uri => new Uri(uri).GetLeftPart(UriPartial.Authority)).Distinct());
        var loginPolicy = $"default-src 'self'; frame-ancestors 'none'; form-action 'self' {callbackOrigins}".TrimEnd();
        app.MapGet("/account/login", (HttpContext context, string? returnUrl, string? error, string? username) =>
            {
                if (!IsAcceptable(returnUrl))
                {
                    return NotLocal();
                }
                context.Response.Headers.ContentSecurityPolicy = loginPolicy;
                return Results.Content(LoginPage.Render(returnUrl, error, username), "text/html; charset=utf-8");
            })
            .AllowAnonymous();
        app.MapPost("/account/login", (Delegate)LogInAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // The client was authenticated by OpenIddict; its name says its body and role.
            var client = DevelopmentDirectory.Find(request.ClientId);
            if (client is null)
            {
                return Forbid(Errors.InvalidClient, "Unknown client.");
            }
            return SignIn(client, request.ClientId!, request.GetScopes());
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            // The code carries the principal built at the authorization endpoint; issue its token.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return result.Principal is { } principal
                ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Forbid(Errors.InvalidGrant, "The authorization code is no longer valid.");
        }
        return Forbid(Errors.UnsupportedGrantType, "Only client_credentials and authorization_code are supported.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var login = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var person = DevelopmentDirectory.Find(login.Principal?.FindFirst(Claims.Subject)?.Value);
        if (!login.Succeeded || person is null)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        return SignIn(person, request.ClientId!, request.GetScopes());
    }

    private static async Task<IResult> LogInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        // Only back into this site: an open redirect would hand the login to anyone.
        if (!IsAcceptable(returnUrl))
        {
            return NotLocal();
        }
        var account = form["username"].ToString();
        var throttle = context.RequestServices.GetRequiredService<SignInThrottle>();
        if (throttle.RetryAfter(account, context.Connection.RemoteIpAddress) is { } wait)
        {
            SignInThrottle.SetRetryAfter(context.Response, wait);
            return Results.Text("Đăng nhập sai quá nhiều lần: vui lòng thử lại sau (Retry-After).", "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        var person = DevelopmentDirectory.Find(account);
        if (person is null || form["password"] != DevelopmentDirectory.DevelopmentSecret)
        {
            throttle.Failed(account, context.Connection.RemoteIpAddress);
            // Back to the page (a reload does not post the password again), keeping the user name typed.
            return Results.Redirect($"/account/login?error=1&username={Uri.EscapeDataString(account)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        var identity = new ClaimsIdentity([new Claim(Claims.Subject, person.Name)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.Length > 0 ? returnUrl : "/");
    }

    /// <summary>No return address (then "/"), or one on this site.</summary>
    private static bool IsAcceptable(string? returnUrl) => string.IsNullOrEmpty(returnUrl) || LocalUrl.IsLocal(returnUrl);

    private static IResult NotLocal() => Results.Text(
        "Địa chỉ quay lại (returnUrl) không hợp lệ: chỉ nhận một đường dẫn trong trang này, bắt đầu bằng \"/\".",
        "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An access token for the principal with the platform's claims, limited to the scopes it may have.</summary>
    private static IResult SignIn(DevelopmentDirectory.Principal principal, string clientId, IEnumerable<string> requestedScopes)
    {
        var allowed = DevelopmentDirectory.AllowedScopes(principal).ToHashSet();
        var requested = requestedScopes.ToList();
        var scopes = requested.Count == 0 ? allowed : requested.Where(allowed.Contains).ToHashSet();
        if (requested.Contains(Scopes.OpenId))
        {
            scopes.Add(Scopes.OpenId); // a person signing in to the screens: an identity token too
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, principal.Name)
            .SetClaim(Claims.Name, principal.DisplayName)
            .SetClaim(PlatformClaims.Body, principal.Body)
            .SetClaim(PlatformClaims.ClientId, clientId)
            .SetClaims(Claims.Role, [principal.Role]);
        identity.SetScopes(scopes);
        identity.SetAudiences(DevelopmentDirectory.Audience);
        // Claims not given a destination are silently left out of the token. The screens read who is signed in
        // (name, body, role) from the identity token.
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Name or PlatformClaims.Body or Claims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
