using Google.Protobuf.Collections;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// Where an add form's item goes in its list (agenda items, bridge points, good practices): last, or, when the form
/// was opened by an item's "Sửa" link, over that item if it is still there. Lists are sent whole.
/// </summary>
/// <param name="editing">The position of the item the form edits, or null when it adds.</param>
public sealed class ItemSlot(int? editing)
{
    /// <summary>Where the item went, once put (a field violation names the item by it).</summary>
    public int Position { get; private set; }

    /// <summary>Whether the item was saved over the one it edits, once put.</summary>
    public bool Edited { get; private set; }

    /// <summary>Fills <paramref name="changed"/> with the list as it is now, the item <paramref name="item"/> makes put in its slot.</summary>
    public void Put<T>(IReadOnlyList<T> current, RepeatedField<T> changed, Func<T> item)
    {
        (Position, Edited) = editing is { } at && at < current.Count ? (at, true) : (current.Count, false);
        changed.AddRange(current);
        if (Edited)
        {
            changed[Position] = item();
        }
        else
        {
            changed.Add(item());
        }
    }
}
