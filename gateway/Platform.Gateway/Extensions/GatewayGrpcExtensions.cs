using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Contracts.Errors;

namespace Platform.Gateway.Extensions;

/// <summary>
/// What gRPC callers of the gateway's h2c port get from the gateway itself: its refusals as gRPC statuses
/// (Unauthenticated, PermissionDenied) and the standard health service (grpc.health.v1.Health) for load balancers
/// and probes, which call it without a token.
/// </summary>
public static class GatewayGrpcExtensions
{
    public static WebApplicationBuilder AddGatewayGrpc(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResults>();
        // Every health check of the gateway (those behind /healthz) decides the overall status (""); with none at all the
        // standard service would answer UNKNOWN.
        builder.Services.AddGrpcHealthChecks().AddCheck<RunningCheck>("gateway");
        return builder;
    }

    /// <summary>Healthy while the gateway runs; unhealthy once it is stopping, so that load balancers send it nothing new.</summary>
    private sealed class RunningCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The gateway is stopping.")
                : HealthCheckResult.Healthy());
    }

    public static WebApplication MapGatewayGrpcHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}

/// <summary>
/// A gRPC call refused by the gateway's authorization (no token or a bad one: challenged; not allowed: forbidden)
/// gets Unauthenticated or PermissionDenied in a trailers-only response. Everything else is answered as before
/// (401 or 403 for JSON).
/// </summary>
public sealed class GrpcAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!GrpcAnswers.IsGrpc(context) || authorizeResult.Succeeded)
        {
            return _standard.HandleAsync(next, context, policy, authorizeResult);
        }
        if (authorizeResult.Forbidden)
        {
            GrpcAnswers.Write(context, StatusCode.PermissionDenied, ErrorReasons.TokenNotAllowed, "The token does not allow this call.");
        }
        else
        {
            GrpcAnswers.Write(context, StatusCode.Unauthenticated, ErrorReasons.AccessTokenRequired, "A valid bearer token is required (Authorization: Bearer <access token>).");
        }
        return Task.CompletedTask;
    }
}
