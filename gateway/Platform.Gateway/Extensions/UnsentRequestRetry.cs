using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Extensions;

/// <summary>
/// The proxy's one retry: a request YARP could not even connect for (the replica it picked is dead, or closed its
/// listener while stopping) is sent to another healthy replica of the cluster. Such a request never reached a
/// service, so this is safe for writes as well as reads; anything that did reach one (a reset mid-call, a timeout)
/// is answered as it failed, never sent twice. Placed before load balancing in YARP's pipeline, so passive health
/// checks see every failed attempt and take the destination out for the next requests.
/// </summary>
public static class UnsentRequestRetry
{
    /// <summary>YARP's own pipeline (session affinity, load balancing, passive health checks), wrapped by the retry.</summary>
    public static void UseProxyPipeline(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(RetryUnsentAsync);
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
    }

    private static async Task RetryUnsentAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next();
        for (var attempt = 1; attempt < candidates.Count && NotSent(context); attempt++)
        {
            var failed = proxy.ProxiedDestination;
            candidates = [.. candidates.Where(d => d != failed)];
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = candidates;
            await next();
        }
    }

    /// <summary>
    /// No connection could be made: the handler sends a request's content only on a connection it has, so nothing of the
    /// request (its body included) left the gateway. The request body is not wrapped to watch for reads: YARP treats the
    /// server's own body stream specially when it cancels a copy, and a wrapper left Kestrel's reader mid-read, which
    /// broke the client's connection (found by the JSON fuzzer).
    /// </summary>
    private static bool NotSent(HttpContext context) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } }
        && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested;
}
