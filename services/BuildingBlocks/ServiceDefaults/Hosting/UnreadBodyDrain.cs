using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Reads what is left of a request's body before the answer ends, for every request that is not a gRPC call: a 404
/// for an unknown path, a refusal before the JSON body was read. Over HTTP/2 (the gateway's connection to us) an
/// answer that ends before the caller's body does makes Kestrel reset the stream, and the stream stays counted on
/// the connection until the caller finishes it; the gateway's client never does (it abandons the body on such a
/// reset), so a burst of those refusals made Kestrel refuse the next streams of that connection with
/// ENHANCE_YOUR_CALM, which the gateway answered 502 for everybody's requests. And the reset cancelled the gateway's
/// copy of the body mid-read, after which its own Kestrel closed the caller's kept-alive connection without saying so.
/// gRPC calls are left alone: their messages are read by the framework, and a streaming call's trailers would wait.
/// </summary>
public sealed class UnreadBodyDrain(RequestDelegate next)
{
    /// <summary>A caller slower than this to send the rest is left to Kestrel's reset, as before.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            return;
        }
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        patience.CancelAfter(Patience);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // The caller went away, was too slow, sent more than the limit, or the body was already consumed in a way
            // that cannot be read again: nothing left to do for this request.
        }
    }

    /// <summary>Outermost, ahead of the middleware the host adds itself (authentication, authorization), which refuse early too.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<UnreadBodyDrain>();
            next(app);
        };
    }
}
