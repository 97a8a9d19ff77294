using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;
using static Platform.Screens.Forms.FieldPaths;

namespace Platform.Screens.Pages.Conferences;

/// <summary>A good practice (mô hình mới, cách làm hay) the lead records, added or saved over the one it edits.</summary>
public sealed class GoodPracticeModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public GoodPracticeInput NewGoodPractice { get; set; } = new();

    public Task<IActionResult> OnPostAsync()
    {
        var slot = new ItemSlot(EditingAt(RemovedItem.GoodPractice));
        return UpdateConferenceAsync(
            (current, change) => slot.Put(current.GoodPractices, change.GoodPractices, () => new GoodPractice
            {
                Unit = NewGoodPractice.Unit ?? "", Title = NewGoodPractice.Title ?? "", Summary = NewGoodPractice.Summary ?? "",
            }),
            "good_practices",
            field => Within(field, $"conference.good_practices[{slot.Position}].") switch
            {
                "unit" => "practice-unit",
                "title" => "practice-title",
                "summary" => "practice-summary",
                _ => null,
            },
            "good-practices",
            () => slot.Edited ? "Đã sửa mô hình, cách làm hay." : "Đã thêm mô hình, cách làm hay.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.NewGoodPractice = NewGoodPractice;
}
