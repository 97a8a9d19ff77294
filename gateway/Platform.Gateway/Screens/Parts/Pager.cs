namespace Platform.Gateway.Screens.Parts;

/// <summary>
/// The links under a keyset-paged list (Shared/_Pager): back to the first page once past it, and on to the next while
/// the service gives a next_page_token. Keyset paging has no "previous" or page numbers: the token only goes forward.
/// </summary>
public sealed record Pager(string Label, string? FirstUrl, string? NextUrl);
