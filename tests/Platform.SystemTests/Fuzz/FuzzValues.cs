using System.Text;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// Random and boundary values for the fuzzer, drawn from one seeded <see cref="Random"/> so that a run can be
/// replayed. Strings mix the plausible (Vietnamese names, dates, codes, ids the platform returned earlier) with
/// the hostile: empty, far beyond any limit, control characters, unpaired surrogates, direction overrides, markup
/// and SQL. A plausible value gets a request past the first check, so that the deeper ones are reached too.
/// </summary>
public sealed class FuzzValues(Random random, ValuePool pool)
{
    public Random Random => random;

    public static readonly string[] Hostile =
    [
        "", " ", "   \t ", "\0", "a\0b", "\u0001\u0002\u001f", "\r\n\r\n", "\u007f", "\u200b", "\ufeff", "\u202eevil\u202c",
        "\ud800", "x\udfffy", "\uffff", "👨‍👩‍👧‍👦", "Nguye\u0302\u0303n", "'; DROP TABLE candidates; --", "' OR '1'='1",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "%00", "%2e%2e%2f", "../../etc/passwd",
        "null", "undefined", "NaN", "-1", "0", "9999999999999999999999", "1e309", "true", "[]", "{}", "\\", "\"", "%", "_", "*",
        "a.b.c", "\u0130", "ǅ", "ß", "\U0001F600",
    ];

    private static readonly string[] Plausible =
    [
        "Hà Nội", "Nguyễn Văn Ánh", "Trần Thị Bình", "Phạm Minh Chính", "Hội nghị sơ kết 6 tháng", "Kinh", "Tày", "Ê Đê",
        "01", "15", "79", "001", "00001", "2021-05-23", "2020-07-01", "1975-08-19", "2021-02-30", "0000-00-00", "9999-12-31",
        "2021-5-3", "２０２１-05-23", "2021-05-23T00:00:00Z", "08:00", "25:61", "001075000001", "00107500000", "0010750000011",
        "organization", "home-affairs", "delegate-affairs", "ministry-of-finance", "quoc-hoi-xv", "quoc-hoi-xv.01-01",
        "organization.so-ket-6-thang-2020", "male", "female", "35-CT/TW", "XV", "85/2015/QH13",
    ];

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A string for the field <paramref name="field"/> of <paramref name="message"/>.</summary>
    public string String(string message, string field)
    {
        var roll = random.NextDouble();
        if (roll < 0.30 && pool.TryPick(message, field, random, out var known))
        {
            return known;
        }
        if (roll < 0.55)
        {
            return Pick(Plausible);
        }
        if (roll < 0.80)
        {
            return Pick(Hostile);
        }
        if (roll < 0.88)
        {
            return Huge();
        }
        return Garbage(random.Next(1, 40));
    }

    private int _hugeLeft = 1;

    /// <summary>
    /// Far beyond any field's limit (and sometimes beyond the gateway's body limit); once per request, and never inside
    /// a long repeated field, so that a request stays within what a client could send (not gigabytes).
    /// </summary>
    public string Huge()
    {
        if (_hugeLeft <= 0)
        {
            return Garbage(random.Next(1, 40));
        }
        _hugeLeft--;
        return new string(Pick(['x', 'ễ', '<', '\'']), Pick([101, 256, 1_001, 10_000, 70_000, 400_000]));
    }

    /// <summary>Builds one element of a long repeated field: it will be sent hundreds of times, so nothing huge in it.</summary>
    public T Repeated<T>(int count, Func<T> build)
    {
        if (count < 50)
        {
            return build();
        }
        var left = _hugeLeft;
        _hugeLeft = 0;
        try
        {
            return build();
        }
        finally
        {
            _hugeLeft = left;
        }
    }

    /// <summary>Any UTF-16 code units at all, unpaired surrogates and controls included.</summary>
    public string Garbage(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)(Chance(0.5) ? random.Next(0, 0x80) : random.Next(0, 0x10000)));
        }
        return text.ToString();
    }

    public int Int32() => Chance(0.5)
        ? Pick([0, -1, 1, 2, 3, 10, 49, 50, 51, 100, 500, 999, 1000, 1001, 10_000, 2020, 2021, int.MaxValue, int.MinValue, short.MaxValue + 1])
        : random.Next(-5, 200);

    public long Int64() => Chance(0.6) ? Int32() : Pick([long.MaxValue, long.MinValue, 1L << 53, (1L << 53) + 1, uint.MaxValue + 1L]);

    public double Double() => Pick([0.0, -0.0, 1.5, -1, double.MaxValue, double.Epsilon, 1e-300, 100.0001, double.NaN, double.PositiveInfinity]);

    /// <summary>An enum number: a declared one mostly, else 0, negative or undeclared.</summary>
    public int EnumNumber(IReadOnlyList<int> declared) =>
        Chance(0.7) ? Pick(declared) : Pick([0, -1, 99, 12345, int.MaxValue, int.MinValue]);

    /// <summary>How many elements a repeated field gets: mostly few, sometimes none or very many.</summary>
    public int Count() => Chance(0.85) ? random.Next(0, 4) : Pick([0, 50, 501, 1001, 2000]);
}
