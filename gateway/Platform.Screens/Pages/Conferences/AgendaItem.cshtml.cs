using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;
using static Platform.Screens.Forms.FieldPaths;

namespace Platform.Screens.Pages.Conferences;

/// <summary>An item the person's body proposes for the agenda, added to its participation, or saved over the one it edits.</summary>
public sealed class AgendaItemModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public AgendaItemInput NewAgendaItem { get; set; } = new();

    public Task<IActionResult> OnPostAsync()
    {
        var slot = new ItemSlot(EditingAt(RemovedItem.AgendaItem));
        return UpdateParticipationAsync(
            (current, change) => slot.Put(current.AgendaItems, change.AgendaItems, () => new AgendaItem
            {
                Title = NewAgendaItem.Title ?? "",
                Kind = System.Enum.TryParse<AgendaItemKind>(NewAgendaItem.Kind, out var kind) ? kind : AgendaItemKind.Unspecified,
                Minutes = NewAgendaItem.Minutes ?? 0,
                Presenter = new Person
                {
                    Name = NewAgendaItem.PresenterName ?? "", Title = NewAgendaItem.PresenterTitle ?? "", Unit = NewAgendaItem.PresenterUnit ?? "",
                },
            }),
            ["agenda_items"],
            field => Within(field, $"participation.agenda_items[{slot.Position}].") switch
            {
                "title" => "agenda-title",
                "kind" => "agenda-kind",
                "minutes" => "agenda-minutes",
                "presenter.name" => "agenda-presenter-name",
                "presenter.title" => "agenda-presenter-title",
                "presenter.unit" => "agenda-presenter-unit",
                _ => null,
            },
            () => slot.Edited ? "Đã sửa nội dung." : "Đã thêm nội dung vào chương trình.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.NewAgendaItem = NewAgendaItem;
}
