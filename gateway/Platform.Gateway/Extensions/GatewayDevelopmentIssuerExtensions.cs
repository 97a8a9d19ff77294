#if DEVELOPMENT_ISSUER
using Platform.Gateway.DevelopmentIssuer;
#endif

namespace Platform.Gateway.Extensions;

/// <summary>
/// The one place that knows whether this build has the development issuer (Platform.Gateway.csproj, DevelopmentIssuer:
/// Debug builds and the demo image have it, Release builds and the images Kubernetes runs do not). With it, the gateway
/// hosts the issuer in Development only, as before. Without it, a gateway in Development works against an external
/// issuer (Authentication:Authority) — but where the configuration expects the local one (Identity:Issuer is set, as
/// appsettings.Development.json, run.sh, the tests and docker-compose.yml do), it refuses to start and says why:
/// otherwise it would start, answer /healthz, and fail every sign-in and every token request with a bare 404.
/// </summary>
public static class GatewayDevelopmentIssuerExtensions
{
    public const string IssuerKey = "Identity:Issuer";

#if DEVELOPMENT_ISSUER
    public const bool IsBuiltIn = true;
#else
    public const bool IsBuiltIn = false;
#endif

    public static WebApplicationBuilder AddGatewayDevelopmentIssuer(this WebApplicationBuilder builder)
    {
        if (MissingIssuer(IsBuiltIn, builder.Environment, builder.Configuration) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
#if DEVELOPMENT_ISSUER
        if (builder.Environment.IsDevelopment())
        {
            builder.AddDevelopmentIssuer();
        }
#endif
        return builder;
    }

    /// <summary>Before authentication, where the issuer handles its endpoints (its sign-in throttle).</summary>
    public static WebApplication UseGatewayDevelopmentIssuer(this WebApplication app)
    {
#if DEVELOPMENT_ISSUER
        if (app.Environment.IsDevelopment())
        {
            app.UseDevelopmentIssuer();
        }
#endif
        return app;
    }

    public static WebApplication MapGatewayDevelopmentIssuer(this WebApplication app)
    {
#if DEVELOPMENT_ISSUER
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentIssuer();
        }
#endif
        return app;
    }

    /// <summary>
    /// Why a gateway cannot start as configured: in Development, <see cref="IssuerKey"/> names the issuer this gateway
    /// should host, and <paramref name="builtIn"/> says the build has none. Null when it can start: the issuer is built
    /// in, or the environment is not Development (the issuer is never hosted there), or no local issuer is expected
    /// (an external one is: set Identity__Issuer to empty to override appsettings.Development.json).
    /// </summary>
    public static string? MissingIssuer(bool builtIn, IHostEnvironment environment, IConfiguration configuration)
    {
        var issuer = configuration[IssuerKey];
        if (builtIn || !environment.IsDevelopment() || string.IsNullOrEmpty(issuer))
        {
            return null;
        }
        return $"{IssuerKey} is {issuer}: this gateway should host the development token issuer, but it was built without it "
            + "(DevelopmentIssuer=false, the default of Release builds and of the images Kubernetes runs). Build it with "
            + "-p:DevelopmentIssuer=true (an image: --build-arg DEVELOPMENT_ISSUER=true), or run it against an external "
            + "issuer: Authentication__Authority set to that issuer and Identity__Issuer set to empty.";
    }
}
