using System.Text;
using Platform.Contracts.Errors;
using Platform.Api.Errors;

namespace Platform.Api.Paging;

/// <summary>
/// A validated AIP-158 page request. The token is the opaque (base64url) key of the last item of
/// the previous page, so a page is a keyset query: stable and cheap however deep it goes.
/// </summary>
public sealed record PageRequest(int Size, string? AfterKey)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public static PageRequest Parse(int pageSize, string? pageToken)
    {
        var validator = new RequestValidator()
            .Require(pageSize >= 0, "page_size", Violation.NumberOutOfRange("must not be negative", 0));
        string? afterKey = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            afterKey = TryDecode(pageToken);
            validator.Require(afterKey is not null, "page_token", Violation.Of(ErrorReasons.InvalidPageToken, "is not a token this API returned"));
        }
        validator.ThrowIfInvalid();
        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        return new PageRequest(size, afterKey);
    }

    /// <summary>The token for the page after the one ending at <paramref name="lastKey"/>.</summary>
    public static string TokenAfter(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("k:" + lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? TryDecode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("k:", StringComparison.Ordinal) ? text[2..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>One page of results, the token of the next page (empty on the last page) and how many match.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, PageTotal Total);

/// <summary>
/// How many items match a list's filters, counted up to <see cref="Limit"/>: a count reads every row it
/// counts, so an unbounded one would cost a list of millions far more than its page. Past the limit the
/// list says "more than 10,000", which is all a person paging it needs.
/// </summary>
public readonly record struct PageTotal(int Size, bool Capped)
{
    public const int Limit = 10_000;

    public static PageTotal Of(int counted) => counted > Limit ? new(Limit, true) : new(counted, false);
}
