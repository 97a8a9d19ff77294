using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.ServiceDefaults.Hosting;

public static class JsonColumnExtensions
{
    // The columns are jsonb: PostgreSQL parses the text, so Vietnamese letters need no \u escapes (escaping them was a
    // measurable share of the vetting's CPU).
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A list of small records kept as one jsonb column: read and written with its row, never queried alone.</summary>
    public static PropertyBuilder<List<T>> HasJsonColumn<T>(this PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            list => JsonSerializer.Serialize(list, Options),
            json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
            JsonComparer<List<T>>());

    /// <summary>
    /// A list of records kept as one jsonb column and replaced, never changed in place (the property's type says so):
    /// change tracking compares it item by item and keeps the same list as its snapshot, instead of a copy made through
    /// JSON at every load and every save. The vetting's columns are read and written a thousand at a time; their JSON
    /// copies and comparisons were a quarter of Delegate Affairs' CPU (docs/benchmarks-vetting.md).
    /// </summary>
    public static PropertyBuilder<IReadOnlyList<T>> HasJsonColumn<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            list => JsonSerializer.Serialize(list, Options),
            json => ReadList<T>(json),
            new ValueComparer<IReadOnlyList<T>>((a, b) => SameItems(a, b), list => HashItems(list), list => list));

    /// <summary>One small record kept as a jsonb column (null stays SQL null): read and written with its row.</summary>
    public static PropertyBuilder<T> HasJsonValue<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            JsonComparer<T>());

    /// <summary>
    /// Compares and snapshots a value by its JSON, so that a change inside a list or a record is seen. Change tracking
    /// calls this for every tracked row at each SaveChanges: it works on UTF-8 bytes, not strings, to spare a
    /// transcoding and an allocation twice the size per call (measured in docs/benchmarks-vetting.md).
    /// </summary>
    private static ValueComparer<T> JsonComparer<T>() => new(
        (a, b) => SameJson(a, b),
        value => HashOf(JsonSerializer.SerializeToUtf8Bytes(value, Options)),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Options), Options)!);

    private static IReadOnlyList<T> ReadList<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    private static bool SameItems<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static int HashItems<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    private static bool SameJson<T>(T a, T b) =>
        ReferenceEquals(a, b) || JsonSerializer.SerializeToUtf8Bytes(a, Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, Options));

    private static int HashOf(byte[] json)
    {
        var hash = new HashCode();
        hash.AddBytes(json);
        return hash.ToHashCode();
    }
}
