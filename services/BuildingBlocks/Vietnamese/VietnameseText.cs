using System.Globalization;
using System.Text;

namespace Platform.Vietnamese;

/// <summary>Vietnamese text as the platform stores, compares and searches it.</summary>
public static class VietnameseText
{
    /// <summary>Vietnamese alphabetical order (a, ă, â, b, … d, đ, …; tones after the letter), for lists sorted in memory.</summary>
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>Trimmed, single-spaced and composed (NFC): input may arrive decomposed from some keyboards.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The search key of a name: lower case, without tone and vowel marks, đ as d. "Nguyễn Văn Ánh" and
    /// "nguyen van anh" both fold to "nguyen van anh", so a search matches however the query is typed.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = Normalize(text).ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A LIKE pattern that finds <paramref name="query"/> anywhere in a folded name (served by a trigram
    /// index on the folded column), or null when the query is blank.
    /// </summary>
    public static string? ContainsPattern(string query)
    {
        var folded = Fold(query);
        return folded.Length == 0 ? null : "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
    }
}
