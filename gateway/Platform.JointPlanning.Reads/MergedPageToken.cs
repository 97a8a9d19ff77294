using System.Text;
using System.Text.Json;

namespace Platform.JointPlanning.Reads;

/// <summary>Where one source of a merged list stands: its own page token and how many items of that page were returned.</summary>
public sealed record SourceCursor(string PageToken, int Consumed);

/// <summary>
/// The gateway's token for the next page of a merged list: the cursor of every source not yet exhausted, and the
/// query it was issued for (AIP-158: a token is only good for the same filters). Base64url JSON: it holds nothing
/// secret, and each service still checks its own token inside.
/// </summary>
public static class MergedPageToken
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(string scope, IReadOnlyDictionary<string, SourceCursor> cursors)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new TokenBody(scope, new Dictionary<string, SourceCursor>(cursors)), Json);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursors in <paramref name="token"/>, or null when this gateway did not issue it for this scope and these sources.</summary>
    public static IReadOnlyDictionary<string, SourceCursor>? TryRead(string token, string scope, IReadOnlyCollection<string> sourceNames)
    {
        TokenBody? body;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            body = JsonSerializer.Deserialize<TokenBody>(Convert.FromBase64String(base64), Json);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
        // An empty set of cursors is never issued: the last page gets no token at all.
        if (body?.Sources is not { Count: > 0 } sources || body.Scope != scope)
        {
            return null;
        }
        foreach (var (name, cursor) in sources)
        {
            if (!sourceNames.Contains(name) || cursor?.PageToken is null || cursor.Consumed < 0)
            {
                return null;
            }
        }
        return sources;
    }

    private sealed record TokenBody(string Scope, Dictionary<string, SourceCursor> Sources);
}
