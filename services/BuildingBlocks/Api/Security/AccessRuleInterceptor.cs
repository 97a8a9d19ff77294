using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Errors;
using Platform.Contracts.Routing;
using Platform.Api.Errors;

namespace Platform.Api.Security;

/// <summary>
/// Enforces each RPC's declared access rule in the service itself (never trusting the gateway), and
/// records the caller as the actor of what the call writes. An RPC without a rule is refused.
/// </summary>
public sealed class AccessRuleInterceptor(ServiceIdentity service, ILogger<AccessRuleInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!AccessRules.ByPath.ContainsKey(context.Method))
        {
            return; // not one of the platform's APIs (health, reflection): their endpoints carry their own policy
        }
        if (OtherBodyAddressed(http, service.Body) is { } addressed)
        {
            // Every body's service implements the shared APIs (joint planning, operations, audit): a call the gateway
            // or a caller sent to the wrong one would read or write another body's data under this body's rules.
            throw Refusals.Exception(Code.FailedPrecondition, service.Body, ErrorReasons.WrongBody,
                $"The call is for {addressed}; this is the {service.Body} service.", [("body", service.Body)]);
        }
        var principal = PlatformPrincipal.From(http.User)
            ?? throw Refusals.Exception(Code.Unauthenticated, service.Body, ErrorReasons.AccessTokenRequired, "A valid access token is required.");
        if (AccessRules.For(context.Method) is not { } rule)
        {
            logger.LogError("{Method} declares no access rule; refused", context.Method);
            throw Refusals.Exception(Code.PermissionDenied, service.Body, ErrorReasons.NoAccessRule, $"{context.Method} declares no access rule.");
        }
        if (AccessDecision.Deny(rule, principal, service.Body) is { } denial)
        {
            throw Refusals.Exception(Code.PermissionDenied, service.Body, denial.Reason, $"Permission denied: {denial.Message}.", denial.Metadata);
        }
        http.RequestServices.GetRequiredService<CurrentActor>().Actor = principal.ToActor();
    }

    /// <summary>
    /// The body a call names (BodyRouting in the contracts) when it is not this service's: the platform-body metadata
    /// over gRPC; over JSON the path's segment after /api, which the shared services' routes leave open
    /// ("/api/*/v1/conferences/{id}"). Null when the call names this body or none. Runs on every call: the path is
    /// compared in place, a string is made only for a refusal.
    /// </summary>
    private static string? OtherBodyAddressed(Microsoft.AspNetCore.Http.HttpContext http, string own)
    {
        if (http.Request.Headers[BodyRouting.Header] is { Count: > 0 } header)
        {
            var named = header.ToString();
            return named == own ? null : named;
        }
        const string api = "/api/";
        var path = http.Request.Path.Value;
        if (path is null || !path.StartsWith(api, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path.AsSpan(api.Length);
        var segment = rest.IndexOf('/') is var end and >= 0 ? rest[..end] : rest;
        return segment.SequenceEqual(own) ? null : segment.ToString();
    }
}

/// <summary>Which body this service belongs to (its rules of "owning body" refer to it).</summary>
public sealed record ServiceIdentity(string Body);
