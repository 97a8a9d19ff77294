using Platform.JointPlanning.Reads;

namespace Platform.UnitTests;

/// <summary>The gateway's paging across the three bodies' lists (a k-way merge whose token holds every source's cursor).</summary>
public sealed class MergedPagesTests
{
    private sealed record Item(string Key, string Source, int Revision = 0);

    private static readonly IComparer<Item> ByKey = Comparer<Item>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));

    private static readonly IComparer<Item> ByKeyThenSource = Comparer<Item>.Create((a, b) =>
    {
        var byKey = string.CompareOrdinal(a.Key, b.Key);
        return byKey != 0 ? byKey : string.CompareOrdinal(a.Source, b.Source);
    });

    /// <summary>A service's list as the services page it: the token is the last key returned, pages at most <paramref name="maxPageSize"/>.</summary>
    private sealed class FakeSource(string name, IEnumerable<Item> items, int maxPageSize = 1000)
    {
        private readonly List<Item> _items = items.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();

        public IReadOnlyList<Item> Items => _items;
        public int Calls { get; private set; }
        public bool Down { get; set; }

        public static FakeSource Of(string name, IEnumerable<string> keys, int maxPageSize = 1000) =>
            new(name, keys.Select(k => new Item(k, name)), maxPageSize);

        public PageSource<Item> AsSource() => new(name, (token, size, _) =>
        {
            Calls++;
            if (Down)
            {
                return Task.FromResult<SourcePage<Item>?>(null);
            }
            var after = token.Length == 0 ? null : token["after:".Length..];
            var rest = _items.Where(i => after is null || string.CompareOrdinal(i.Key, after) > 0).ToList();
            var page = rest.Take(Math.Min(size, maxPageSize)).ToList();
            var next = rest.Count > page.Count ? "after:" + page[^1].Key : "";
            return Task.FromResult<SourcePage<Item>?>(new SourcePage<Item>(page, next));
        });
    }

    private static IEnumerable<string> Keys(params int[] numbers) => numbers.Select(n => $"2020-{n:D3}");

    /// <summary>Every page from <paramref name="token"/> on (null: the first), checking each is no longer than asked and not empty unless last.</summary>
    private static async Task<List<Item>> ReadAllAsync(MergedPages<Item> pages, Func<int, int> pageSizeOf, string? token = null)
    {
        var all = new List<Item>();
        for (var number = 0; number < 1000; number++)
        {
            var page = await pages.ReadAsync(token, pageSizeOf(number), CancellationToken.None);
            Assert.True(page.Items.Count <= pageSizeOf(number));
            all.AddRange(page.Items);
            if (page.NextPageToken.Length == 0)
            {
                return all;
            }
            Assert.NotEmpty(page.Items);
            token = page.NextPageToken;
        }
        throw new InvalidOperationException("The pages never ended.");
    }

    private static FakeSource[] UnevenSources() =>
    [
        FakeSource.Of("organization", Keys([.. Enumerable.Range(0, 23).Select(i => i * 3)])),
        // Clustered at the start and the end, sharing keys with the first; a service that pages by 2 at most.
        FakeSource.Of("home-affairs", Keys(0, 1, 2, 3, 60, 61, 66, 90), maxPageSize: 2),
        FakeSource.Of("delegate-affairs", []),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task Every_item_appears_once_in_the_global_order_whatever_the_page_size(int pageSize)
    {
        var sources = UnevenSources();
        var expected = sources.SelectMany(s => s.Items).Order(ByKeyThenSource).ToList();

        var all = await ReadAllAsync(new MergedPages<Item>("test", [.. sources.Select(s => s.AsSource())], ByKeyThenSource), _ => pageSize);

        Assert.Equal(31, expected.Count);
        Assert.Equal(expected, all);
    }

    [Fact]
    public async Task Asking_for_a_smaller_page_than_before_neither_repeats_nor_skips_items()
    {
        var sources = UnevenSources();
        var expected = sources.SelectMany(s => s.Items).Order(ByKeyThenSource).ToList();
        int[] sizes = [9, 1, 5, 2, 8, 1, 3];

        var all = await ReadAllAsync(new MergedPages<Item>("test", [.. sources.Select(s => s.AsSource())], ByKeyThenSource), n => sizes[n % sizes.Length]);

        Assert.Equal(expected, all);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(100)]
    public async Task The_same_item_from_several_sources_is_returned_once_as_its_latest_copy(int pageSize)
    {
        FakeSource[] sources =
        [
            new("organization", [new("a", "organization", 1), new("b", "organization", 3), new("d", "organization", 1)]),
            new("home-affairs", [new("b", "home-affairs", 2), new("c", "home-affairs", 1), new("d", "home-affairs", 4)], maxPageSize: 1),
            new("delegate-affairs", [new("a", "delegate-affairs", 2), new("d", "delegate-affairs", 2), new("e", "delegate-affairs", 1)]),
        ];
        var pages = new MergedPages<Item>("test", [.. sources.Select(s => s.AsSource())], ByKey,
            (kept, other) => other.Revision > kept.Revision ? other : kept);

        var all = await ReadAllAsync(pages, _ => pageSize);

        Assert.Equal(["a/delegate-affairs", "b/organization", "c/home-affairs", "d/home-affairs", "e/delegate-affairs"],
            all.Select(i => $"{i.Key}/{i.Source}"));
    }

    [Fact]
    public async Task The_last_page_has_no_token()
    {
        var pages = new MergedPages<Item>("test", [FakeSource.Of("organization", Keys(1, 2)).AsSource()], ByKey);

        var page = await pages.ReadAsync(null, 2, CancellationToken.None);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal("", page.NextPageToken);
    }

    public static TheoryData<string> ForgedTokens() =>
    [
        "not-a-token",
        "%%%",
        MergedPageToken.Write("another list", new Dictionary<string, SourceCursor> { ["organization"] = new("", 1) }),
        MergedPageToken.Write("test", new Dictionary<string, SourceCursor> { ["finance"] = new("", 1) }),
        MergedPageToken.Write("test", new Dictionary<string, SourceCursor> { ["organization"] = new("", -1) }),
        MergedPageToken.Write("test", new Dictionary<string, SourceCursor>()),
    ];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_token_not_issued_for_this_list_is_refused_before_any_source_is_asked(string token)
    {
        var source = FakeSource.Of("organization", Keys(1, 2, 3));
        var pages = new MergedPages<Item>("test", [source.AsSource()], ByKey);

        await Assert.ThrowsAsync<InvalidPageTokenException>(() => pages.ReadAsync(token, 10, CancellationToken.None));
        Assert.Equal(0, source.Calls);
    }

    [Fact]
    public async Task A_source_that_does_not_answer_is_read_from_where_it_stood_once_it_answers_again()
    {
        var up = FakeSource.Of("organization", Keys(1, 3, 5, 7, 9));
        var down = FakeSource.Of("home-affairs", Keys(2, 4, 6));
        var pages = new MergedPages<Item>("test", [up.AsSource(), down.AsSource()], ByKeyThenSource);
        down.Down = true;

        var first = await pages.ReadAsync(null, 2, CancellationToken.None);
        down.Down = false;
        var rest = await ReadAllAsync(pages, _ => 2, first.NextPageToken);

        Assert.Equal(Keys(1, 3), first.Items.Select(i => i.Key));
        Assert.Equal(Keys(1, 3, 2, 4, 5, 6, 7, 9), first.Items.Concat(rest).Select(i => i.Key));
    }

    [Fact]
    public async Task Paging_ends_when_every_source_that_answers_is_done()
    {
        var up = FakeSource.Of("organization", Keys(1, 3));
        var down = FakeSource.Of("home-affairs", Keys(2));
        down.Down = true;

        var page = await new MergedPages<Item>("test", [up.AsSource(), down.AsSource()], ByKey).ReadAsync(null, 10, CancellationToken.None);

        Assert.Equal(Keys(1, 3), page.Items.Select(i => i.Key));
        Assert.Equal("", page.NextPageToken);
    }
}
