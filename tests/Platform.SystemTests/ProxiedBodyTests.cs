using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Platform.SystemTests;

/// <summary>
/// Requests with a body that a service refuses without needing it (here a path it does not have: 404 before any
/// body is read), through a gateway of the test's own with a rate limit these requests do not reach. Such refusals
/// once left HTTP/2 streams between gateway and service half-open: a burst of them made the service refuse the next
/// streams (ENHANCE_YOUR_CALM, a 502 for whoever came next), and the gateway, its body copy cancelled mid-read,
/// closed the caller's kept-alive connection without saying so (the JSON fuzzer's rare cut answers).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProxiedBodyTests(PlatformFixture platform)
{
    private const string Missing = "/api/organization/v1/no-such-collection";
    private const string Body = """{"level":42,"parentId":"x"}""";

    [Fact]
    public async Task A_burst_of_refusals_that_need_no_body_is_answered_with_the_refusal_every_time()
    {
        await using var gateway = await ExtraGateway.StartAsync(platform, "body-burst-gateway", ownIssuer: false,
            ("Gateway__RateLimit__PermitLimit", "100000"), ("Gateway__RateLimit__ClientPermitLimit", "100000"));
        using var client = new HttpClient { BaseAddress = new Uri(gateway.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("organization-editor"));

        var answers = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForAsync(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
        {
            using var content = new LateBody(Encoding.UTF8.GetBytes(Body));
            try
            {
                using var answer = await client.PostAsync(Missing, content, cancellationToken);
                answers.Add(((int)answer.StatusCode).ToString());
            }
            catch (HttpRequestException exception)
            {
                answers.Add($"no answer: {exception.Message}");
            }
        });

        var counted = answers.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counted.Keys.SequenceEqual(["404"]),
            $"every answer a 404, got {string.Join(", ", counted.Select(c => $"{c.Key} x{c.Value}"))}\n{gateway.RecentOutput}");
    }

    [Fact]
    public async Task A_refusal_given_before_the_body_arrived_keeps_the_caller_s_connection_open()
    {
        await using var gateway = await ExtraGateway.StartAsync(platform, "late-body-gateway", ownIssuer: false);
        var token = await platform.TokenAsync("organization-editor");
        var address = new Uri(gateway.Url);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        using var stream = new NetworkStream(socket);

        // The headers alone: the service can refuse the path at once, before the body is sent.
        await WriteAsync(stream, $"POST {Missing} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(Body)}\r\n\r\n");
        var early = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(1), allowNone: true);
        await WriteAsync(stream, Body);
        var first = early ?? await ReadAnswerAsync(stream, TimeSpan.FromSeconds(30), allowNone: false) ?? "";
        Assert.StartsWith("HTTP/1.1 404", first);

        // The same connection serves the next request, unless the answer said it would not.
        if (first.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        await WriteAsync(stream, $"GET /healthz HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n");
        var second = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(30), allowNone: false) ?? "";
        Assert.StartsWith("HTTP/1.1 200", second);
    }

    /// <summary>A JSON body that follows its headers a moment later, as over a slow network: the service sees the headers first.</summary>
    private sealed class LateBody : HttpContent
    {
        private readonly byte[] _bytes;

        public LateBody(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.FlushAsync(); // the headers leave now
            await Task.Delay(TimeSpan.FromMilliseconds(20)); // a slow network, not a wait for anything
            await stream.WriteAsync(_bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>
    /// One whole answer (headers, then a Content-Length or chunked body), as text; the connection closing before it
    /// ends fails the test. With <paramref name="allowNone"/>, null when nothing at all arrives within <paramref name="wait"/>.
    /// </summary>
    private static async Task<string?> ReadAnswerAsync(NetworkStream stream, TimeSpan wait, bool allowNone)
    {
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var deadline = new CancellationTokenSource(wait);
        while (!IsComplete(received.ToString()))
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, deadline.Token);
            }
            catch (OperationCanceledException) when (allowNone && received.Length == 0)
            {
                return null;
            }
            Assert.True(read > 0, $"the gateway closed the connection without a whole answer; received: {received}");
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    private static bool IsComplete(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var headers = answer[..end];
        var body = answer[(end + 4)..];
        var length = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            return Encoding.UTF8.GetByteCount(body) >= int.Parse(length["Content-Length:".Length..].Trim());
        }
        return !headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) || body.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }
}
