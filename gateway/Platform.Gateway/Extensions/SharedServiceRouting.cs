using Grpc.Core;
using Platform.Contracts.Errors;
using Platform.Contracts.Routing;

namespace Platform.Gateway.Extensions;

/// <summary>
/// The services every body implements (platform.jointplanning.v1, platform.operations.v1, platform.audit.v1; and
/// platform.referencedata.v1, which the two bodies keeping unit copies implement) have one gRPC path for several
/// services. The proxy's routes "&lt;body&gt;-shared-grpc" (appsettings.json) pick the body's cluster by the
/// platform-body metadata (<see cref="BodyRouting"/>); a call that names no body, or none of the three, is answered here with
/// InvalidArgument BODY_NOT_NAMED rather than a 404, which a gRPC client reads as "Unimplemented".
/// </summary>
public static class SharedServiceRouting
{
    /// <summary>The gRPC paths of the shared services: the same pattern as the proxy's header-matched routes.</summary>
    public const string GrpcPath = "/{service:regex(^platform\\.(jointplanning|operations|audit|referencedata)\\.v1\\.)}/{method}";

    public static WebApplication MapSharedServiceRouting(this WebApplication app)
    {
        app.MapPost(GrpcPath, (HttpContext http) =>
            {
                GrpcAnswers.Write(http, StatusCode.InvalidArgument, ErrorReasons.BodyNotNamed,
                    $"Name the body the call is for in the {BodyRouting.Header} metadata: {string.Join(", ", BodyRouting.Bodies)}.",
                    ("bodies", string.Join(",", BodyRouting.Bodies)));
                return Task.CompletedTask;
            })
            .WithOrder(1) // after the proxy's routes (order 0), which win whenever their header matches
            .RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
