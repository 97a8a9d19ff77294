using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Api.Paging;

public static class QueryablePaging
{
    private static readonly System.Reflection.MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Reads one page ordered by a unique string key: rows after the token's key, one more than
    /// asked to learn whether another page follows. Every row appears in exactly one page. The total is counted
    /// over the same filters, stopping one past <see cref="PageTotal.Limit"/>.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> source, Expression<Func<T, string>> key, PageRequest page, CancellationToken cancellationToken)
    {
        var query = source;
        if (page.AfterKey is { } after)
        {
            // key > after, which Npgsql translates to a plain comparison the key's index serves. The key is read
            // from a holder, not inlined as a constant, so that EF sends it as a parameter and reuses one
            // compiled query for every page instead of compiling one per token.
            var afterValue = Expression.Property(Expression.Constant(new Holder(after)), nameof(Holder.Value));
            var isAfter = Expression.GreaterThan(
                Expression.Call(StringCompare, key.Body, afterValue), Expression.Constant(0));
            query = query.Where(Expression.Lambda<Func<T, bool>>(isAfter, key.Parameters));
        }
        var rows = await query.OrderBy(key).Take(page.Size + 1).ToListAsync(cancellationToken);
        // A first page that holds the whole list is its own count: most lists are that short.
        var total = page.AfterKey is null && rows.Count <= page.Size
            ? PageTotal.Of(rows.Count)
            : PageTotal.Of(await source.Take(PageTotal.Limit + 1).CountAsync(cancellationToken));
        if (rows.Count <= page.Size)
        {
            return new Page<T>(rows, "", total);
        }
        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, PageRequest.TokenAfter(key.Compile()(rows[^1])), total);
    }

    private sealed record Holder(string Value);
}
