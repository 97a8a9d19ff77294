using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;
using static Platform.Screens.Forms.FieldPaths;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The lead issues the conclusion notice (thông báo kết luận) of a scheduled conference, with its tasks; the form's
/// "Thêm dòng nhiệm vụ" shows it again with one more task row (nothing is sent).
/// </summary>
public sealed class ConcludeModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    public Task<IActionResult> OnPostAsync()
    {
        var rows = Notice.Tasks.Select((row, i) => (row, i)).Where(x => !x.row.IsEmpty).Select(x => x.i).ToList();
        var conclusion = new Conclusion { Summary = Notice.Summary ?? "", IssuedOn = Notice.IssuedOn ?? "" };
        conclusion.Tasks.AddRange(rows.Select(i => Notice.Tasks[i]).Select(row =>
        {
            var task = new ConferenceTask { DueDate = row.DueDate ?? "", Description = row.Description ?? "" };
            task.Owners.AddRange(row.Owners);
            if (!string.IsNullOrWhiteSpace(row.BasisNumber) || !string.IsNullOrWhiteSpace(row.BasisDate) || !string.IsNullOrWhiteSpace(row.BasisTitle))
            {
                task.LegalBasis.Add(new LegalBasis { Number = row.BasisNumber ?? "", Date = row.BasisDate ?? "", Title = row.BasisTitle ?? "" });
            }
            return task;
        }));
        return SendAsync(Lead,
            async (service, options) => await service.ConcludeConferenceAsync(
                new ConcludeConferenceRequest { Id = Id, Etag = Etag ?? "", Conclusion = conclusion }, options),
            field => InputFor(field, rows),
            "conclusion", () => $"Đã ban hành thông báo kết luận với {conclusion.Tasks.Count} nhiệm vụ.");
    }

    /// <summary>One more task row in the form (nothing is sent).</summary>
    public async Task<IActionResult> OnPostAddTaskRowAsync()
    {
        Notice.Tasks.Add(new TaskInput());
        return await ShownAgainAsync();
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.Notice = Notice;

    /// <summary>The input a violation names; <paramref name="rows"/> are the form's rows that were sent (empty ones are not).</summary>
    private static string? InputFor(string field, List<int> rows)
    {
        switch (field)
        {
            case "conclusion.summary":
                return "notice-summary";
            case "conclusion.issued_on":
                return "notice-issued-on";
            case "conclusion.tasks":
                return "notice-tasks";
        }
        if (RowOf(field, "conclusion.tasks[") is not { } k || k >= rows.Count)
        {
            return null;
        }
        var rest = Within(field, $"conclusion.tasks[{k}].");
        var row = rows[k];
        return rest switch
        {
            "owners" => $"task-{row}-owners",
            _ when rest?.StartsWith("owners[", StringComparison.Ordinal) == true => $"task-{row}-owners",
            "due_date" => $"task-{row}-due",
            "description" => $"task-{row}-description",
            "legal_basis" or "legal_basis[0].number" => $"task-{row}-basis-number",
            "legal_basis[0].date" => $"task-{row}-basis-date",
            "legal_basis[0].title" => $"task-{row}-basis-title",
            _ => null,
        };
    }
}
