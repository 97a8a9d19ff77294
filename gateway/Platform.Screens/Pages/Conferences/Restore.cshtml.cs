using Microsoft.AspNetCore.Mvc;

namespace Platform.Screens.Pages.Conferences;

/// <summary>"Hoàn tác": the item the last "Bỏ" removed, put back where it was (or last, if the list got shorter).</summary>
public sealed class RestoreModel(ConferenceServices services) : ConferenceFormPage(services)
{
    /// <summary>The removed item the button sends back, as <see cref="RemovedItem"/> wrote it out.</summary>
    [BindProperty]
    public string? Restore { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (RemovedItem.Parse(Restore))
        {
            case { Kind: RemovedItem.AgendaItem } item:
                return await UpdateParticipationAsync(
                    (current, change) => change.AgendaItems.AddRange(item.InsertInto(current.AgendaItems)),
                    ["agenda_items"], _ => null, () => "Đã khôi phục nội dung vào chương trình.");
            case { Kind: RemovedItem.BridgePoint } item:
                return await UpdateParticipationAsync(
                    (current, change) => change.BridgePoints.AddRange(item.InsertInto(current.BridgePoints)),
                    ["bridge_points"], _ => null, () => "Đã khôi phục điểm cầu.");
            case { Kind: RemovedItem.GoodPractice } item:
                return await UpdateConferenceAsync(
                    (current, change) => change.GoodPractices.AddRange(item.InsertInto(current.GoodPractices)),
                    "good_practices", _ => null, "good-practices", () => "Đã khôi phục mô hình, cách làm hay.");
            default:
                Errors.AddPage("Không khôi phục được: dữ liệu gửi đi không đọc được. Vui lòng tải lại trang.");
                return await ShownAgainAsync();
        }
    }
}
