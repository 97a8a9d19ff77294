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
        var body = new UntouchedBody(context.Request.Body);
        context.Request.Body = body;
        await next();
        for (var attempt = 1; attempt < candidates.Count && NotSent(context, body); attempt++)
        {
            var failed = proxy.ProxiedDestination;
            candidates = [.. candidates.Where(d => d != failed)];
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = candidates;
            await next();
        }
    }

    private static bool NotSent(HttpContext context, UntouchedBody body) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } }
        && !body.Touched && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested;

    /// <summary>The request's body, noting whether anything read it (then a second send could not repeat it).</summary>
    private sealed class UntouchedBody(Stream inner) : Stream
    {
        public bool Touched { get; private set; }

        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Touched = true;
            return inner.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Touched = true;
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
