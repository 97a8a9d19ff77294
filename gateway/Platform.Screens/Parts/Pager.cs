using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Screens.Parts;

/// <summary>
/// The links under a keyset-paged list (Shared/_Pager): back to the first page once past it, and on to the next while
/// the service gives a next_page_token. Keyset paging has no "previous" or page numbers: the token only goes forward.
/// Above the links, how many the whole list holds, as the service counted it.
/// </summary>
public sealed record Pager(string Label, string? FirstUrl, string? NextUrl, ListTotal? Total = null)
{
    /// <summary>The pager of a list shown at <paramref name="currentToken"/> whose service answered <paramref name="nextToken"/>.</summary>
    public static Pager For(string label, string? currentToken, string? nextToken, Func<string?, string> link, ListTotal? total = null) =>
        new(label, string.IsNullOrEmpty(currentToken) ? null : link(null), nextToken is { Length: > 0 } ? link(nextToken) : null, total);

    /// <summary>
    /// A list's address with its filters, each trimmed and left out when empty, and, past the first page, its page
    /// token: every list pages with the same query names, so a link never drops a filter.
    /// </summary>
    public static string Link(string path, string? pageToken, params (string Name, string? Value)[] filters)
    {
        var query = new Dictionary<string, string?>();
        foreach (var (name, value) in filters)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[name] = value.Trim();
            }
        }
        if (!string.IsNullOrEmpty(pageToken))
        {
            query["pageToken"] = pageToken;
        }
        return QueryHelpers.AddQueryString(path, query);
    }
}
