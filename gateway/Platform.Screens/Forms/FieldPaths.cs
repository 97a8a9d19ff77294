namespace Platform.Screens.Forms;

/// <summary>
/// Reading the field paths a service's violations name ("participation.agenda_items[2].title"), to find the input
/// each one belongs to.
/// </summary>
public static class FieldPaths
{
    /// <summary>The rest of <paramref name="field"/> after <paramref name="prefix"/>, or null when it does not start with it.</summary>
    public static string? Within(string field, string prefix) =>
        field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : null;

    /// <summary>The index in "&lt;prefix&gt;3]…", or null.</summary>
    public static int? RowOf(string field, string prefix)
    {
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = field.IndexOf(']', prefix.Length);
        return end > 0 && int.TryParse(field[prefix.Length..end], out var row) ? row : null;
    }
}
