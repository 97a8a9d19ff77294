using Platform.Screens.Formatting;

namespace Platform.Screens.Parts;

/// <summary>
/// How many items a list holds across all its pages, from a list response's total_size: the services count up to
/// 10,000 and say when more match (total_size_capped), which the screen writes as "hơn 10.000".
/// </summary>
public sealed record ListTotal(int Size, bool Capped, string Noun)
{
    /// <summary>The total of a list read, or none when the list could not be read.</summary>
    public static ListTotal? Of(int? size, bool? capped, string noun) =>
        size is { } counted ? new ListTotal(counted, capped ?? false, noun) : null;

    public override string ToString() => $"{(Capped ? "hơn " : "")}{VietnameseFormat.Count(Size)} {Noun}";
}
