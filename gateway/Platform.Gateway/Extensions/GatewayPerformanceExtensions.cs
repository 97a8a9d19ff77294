using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Platform.Gateway.Extensions;

public sealed class GatewayPerformanceOptions
{
    public const string Section = "Gateway:Performance";

    /// <summary>Trust a token that passed validation for up to a minute without checking its signature again (<see cref="ValidatedTokenCache"/>).</summary>
    public bool CacheValidatedTokens { get; set; } = true;

    /// <summary>Authenticate gRPC calls with the bearer scheme alone, without the development issuer's sign-in handlers (<see cref="GatewayPerformanceExtensions.UseGatewayAuthentication"/>).</summary>
    public bool LeanGrpcAuthentication { get; set; } = true;
}

/// <summary>
/// What makes the gateway's proxied calls cheaper, each kept because bench/run.sh measured it (docs/benchmarks.md);
/// each can be switched off by configuration (Gateway:Performance:*) so that the benchmark can compare.
/// </summary>
public static class GatewayPerformanceExtensions
{
    public static WebApplicationBuilder AddGatewayPerformance(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayPerformanceOptions.Section).Get<GatewayPerformanceOptions>() ?? new GatewayPerformanceOptions();
        builder.Services.AddSingleton(options);
        if (options.CacheValidatedTokens)
        {
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new ValidatedTokenCache(TimeProvider.System) { MapInboundClaims = jwt.MapInboundClaims });
            });
        }
        // No "Server: Kestrel" on every answer: a header less to write, and nothing to tell a caller.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Authentication. A gRPC call (content-type application/grpc: only internal apps send those, on the h2c port)
    /// is authenticated by the bearer scheme alone; the standard middleware would first give every remote sign-in
    /// handler (in development, the issuer's) the request to look at, each one created and
    /// initialised per request only to find that the path is not its callback. Everything else goes through the
    /// standard middleware.
    /// </summary>
    public static IApplicationBuilder UseGatewayAuthentication(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<GatewayPerformanceOptions>().LeanGrpcAuthentication)
        {
            return app.UseAuthentication();
        }
        app.UseWhen(context => !GrpcAnswers.IsGrpc(context), other => other.UseAuthentication());
        app.UseWhen(GrpcAnswers.IsGrpc, grpc => grpc.Use(async (context, next) =>
        {
            // As AuthenticationMiddleware does with the default scheme's result.
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (result.Principal is not null)
            {
                context.User = result.Principal;
            }
            if (result.Succeeded)
            {
                var authentication = new AuthenticationResultFeature { AuthenticateResult = result };
                context.Features.Set<IAuthenticateResultFeature>(authentication);
                context.Features.Set<IHttpAuthenticationFeature>(authentication);
            }
            await next(context);
        }));
        return app;
    }

    /// <summary>What the standard middleware records of a successful result for authorization (its own class is internal).</summary>
    private sealed class AuthenticationResultFeature : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; }

        public ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, JwtBearerDefaults.AuthenticationScheme));
        }
    }
}
