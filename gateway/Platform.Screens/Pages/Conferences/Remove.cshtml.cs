using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// "Bỏ": one item taken out of its list (an agenda item or a bridge point of the person's body, a good practice of the
/// lead's), the list sent whole without it. The item is kept written out for the "Hoàn tác" beside the confirmation
/// (<see cref="RestoreModel"/>).
/// </summary>
public sealed class RemoveModel(ConferenceServices services) : ConferenceFormPage(services)
{
    /// <summary>The kind of item (a <see cref="RemovedItem"/> kind), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    /// <summary>The position of the item the button removes.</summary>
    [BindProperty]
    public int? Index { get; set; }

    public async Task<IActionResult> OnPostAsync() => Kind switch
    {
        RemovedItem.AgendaItem => await UpdateParticipationAsync(
            (current, change) => change.AgendaItems.AddRange(Without(current.AgendaItems)),
            ["agenda_items"], _ => null, () => "Đã bỏ nội dung khỏi chương trình."),
        RemovedItem.BridgePoint => await UpdateParticipationAsync(
            (current, change) => change.BridgePoints.AddRange(Without(current.BridgePoints)),
            ["bridge_points"], _ => null, () => "Đã bỏ điểm cầu."),
        RemovedItem.GoodPractice => await UpdateConferenceAsync(
            (current, change) => change.GoodPractices.AddRange(Without(current.GoodPractices)),
            "good_practices", _ => null, "good-practices", () => "Đã bỏ mô hình, cách làm hay."),
        _ => NotFound(),
    };

    /// <summary>The list without the item at <see cref="Index"/>, which is kept written out for the undo.</summary>
    private IEnumerable<T> Without<T>(IReadOnlyList<T> items) where T : IMessage
    {
        Removed = RemovedItem.Of(Kind, Index, items);
        return items.Where((_, i) => i != Index).ToList();
    }
}
