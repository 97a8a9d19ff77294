namespace Platform.Screens.Parts;

/// <summary>
/// Every item of a keyset-paged list, for the pages that need the whole of it (a calendar file, what falls due): the
/// page token goes forward until the service says there is no more, at most <c>maxPages</c> pages.
/// </summary>
public static class AllPages
{
    public static async Task<List<T>> ReadAsync<TResponse, T>(Func<string, Task<TResponse>> page, Func<TResponse, IEnumerable<T>> items,
        Func<TResponse, string> nextToken, int maxPages)
    {
        var all = new List<T>();
        var token = "";
        for (var i = 0; i < maxPages; i++)
        {
            var answer = await page(token);
            all.AddRange(items(answer));
            if ((token = nextToken(answer)).Length == 0)
            {
                break;
            }
        }
        return all;
    }
}
