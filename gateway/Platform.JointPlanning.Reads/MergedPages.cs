namespace Platform.JointPlanning.Reads;

/// <summary>One page of a source's list, in the list's order; NextPageToken is empty on its last page.</summary>
public sealed record SourcePage<T>(IReadOnlyList<T> Items, string NextPageToken);

/// <summary>The source's page at <paramref name="pageToken"/>, or null when the source did not answer (the caller notes why).</summary>
public delegate Task<SourcePage<T>?> FetchSourcePage<T>(string pageToken, int pageSize, CancellationToken cancellationToken);

public sealed record PageSource<T>(string Name, FetchSourcePage<T> Fetch);

/// <summary>A page of the merged list; NextPageToken is empty on the last page.</summary>
public sealed record MergedPage<T>(IReadOnlyList<T> Items, string NextPageToken);

public sealed class InvalidPageTokenException() : Exception("The page token was not issued for this list.");

/// <summary>
/// Pages through several sources' lists, each sorted in <paramref name="order"/>, as one list in that order (a k-way
/// merge), without holding any state between requests: the page token carries each source's own token and how many
/// items of that page were already returned. Items the order finds equal are collapsed into one when
/// <paramref name="collapse"/> is given (the same conference seen by several bodies); otherwise the earlier source's
/// item comes first.
/// </summary>
public sealed class MergedPages<T>(string scope, IReadOnlyList<PageSource<T>> sources, IComparer<T> order, Func<T, T, T>? collapse = null)
{
    private readonly string[] _names = sources.Select(s => s.Name).ToArray();

    /// <summary>
    /// Reads the page at <paramref name="pageToken"/> (null or empty: the first) of at most <paramref name="pageSize"/>
    /// items. A source that does not answer keeps its cursor: its items come on a later page, out of order but not
    /// lost, unless the others run out first. Throws <see cref="InvalidPageTokenException"/> before fetching anything.
    /// </summary>
    public async Task<MergedPage<T>> ReadAsync(string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var cursors = string.IsNullOrEmpty(pageToken)
            ? _names.ToDictionary(name => name, _ => new SourceCursor("", 0))
            : MergedPageToken.TryRead(pageToken, scope, _names) ?? throw new InvalidPageTokenException();
        var pending = sources.Where(s => cursors.ContainsKey(s.Name)).ToList();
        var buffers = await Task.WhenAll(pending.Select(s => FillAsync(s, cursors[s.Name], pageSize, cancellationToken)));
        var answered = buffers.OfType<SourceBuffer>().ToList();

        var items = new List<T>(pageSize);
        // A source that used up its page but has more could hold the next smallest item: emitting another's could skip
        // it, so the page ends there (AIP-158 allows a short page).
        while (items.Count < pageSize && !answered.Any(b => b.RanOutWithMore))
        {
            SourceBuffer? smallest = null;
            foreach (var buffer in answered.Where(b => b.HasItem))
            {
                if (smallest is null || order.Compare(buffer.Head, smallest.Head) < 0)
                {
                    smallest = buffer;
                }
            }
            if (smallest is null)
            {
                break;
            }
            var item = smallest.Take();
            if (collapse is not null)
            {
                foreach (var buffer in answered)
                {
                    while (buffer.HasItem && order.Compare(buffer.Head, item) == 0)
                    {
                        item = collapse(item, buffer.Take());
                    }
                }
            }
            items.Add(item);
        }

        var next = new Dictionary<string, SourceCursor>();
        for (var i = 0; i < pending.Count; i++)
        {
            if ((buffers[i] is null ? cursors[pending[i].Name] : buffers[i]!.Cursor) is { } cursor)
            {
                next[pending[i].Name] = cursor;
            }
        }
        var more = answered.Any(b => b.Cursor is not null);
        return new MergedPage<T>(items, more ? MergedPageToken.Write(scope, next) : "");
    }

    private static async Task<SourceBuffer?> FillAsync(PageSource<T> source, SourceCursor cursor, int pageSize, CancellationToken cancellationToken)
    {
        var (token, skip) = (cursor.PageToken, cursor.Consumed);
        while (true)
        {
            var page = await source.Fetch(token, pageSize, cancellationToken);
            if (page is null)
            {
                return null;
            }
            // The page is shorter than what was consumed of it (asked for with a larger size before): the rest of
            // the consumed items are on the following page.
            if (skip >= page.Items.Count && page.NextPageToken.Length > 0)
            {
                skip -= page.Items.Count;
                token = page.NextPageToken;
                continue;
            }
            return new SourceBuffer(page, token, Math.Min(skip, page.Items.Count));
        }
    }

    /// <summary>The part of one source's page not yet returned.</summary>
    private sealed class SourceBuffer(SourcePage<T> page, string pageToken, int position)
    {
        public bool HasItem => position < page.Items.Count;
        public bool RanOutWithMore => !HasItem && page.NextPageToken.Length > 0;
        public T Head => page.Items[position];

        public T Take() => page.Items[position++];

        /// <summary>Where the next page of the merged list starts in this source; null once it is exhausted.</summary>
        public SourceCursor? Cursor =>
            HasItem ? new SourceCursor(pageToken, position)
            : page.NextPageToken.Length > 0 ? new SourceCursor(page.NextPageToken, 0)
            : null;
    }
}
