using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.Screens.Forms;
using Platform.Screens.Places;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// What the conference page and its forms' pages call, as the signed-in person: the page read with its forms filled
/// (<see cref="ReadScreenAsync"/>), and each body's JointPlanningService to write to.
/// </summary>
public sealed class ConferenceServices(
    JointPlanningCallsFactory callsFactory, JointPlanningClients clients, ScreenSession session, ProvinceNames provinces)
{
    private const int TaskRowsAtFirst = 1;

    public JointPlanningClients Clients => clients;

    public ScreenSession Session => session;

    /// <summary>
    /// The conference page: the joint plan, read like the JSON API's (<see cref="JointPlanReader"/>) with the person's
    /// own token, and its forms filled with what is stored.
    /// </summary>
    /// <param name="editing">The item the add form edits (?sua=), which the add form shows as stored.</param>
    /// <param name="then">
    /// What the page puts on it: the confirmation of the last save, or after a refusal what the person sent in the form
    /// they used, over what is stored, so that nothing typed is lost.
    /// </param>
    public async Task<ConferenceScreen> ReadScreenAsync(
        HttpContext http, string id, string? editing, FormErrors errors, Action<ConferenceScreen> then)
    {
        var calls = await callsFactory.ForPersonAsync(http);
        var view = new JointPlanView(await new JointPlanReader(calls).ReadAsync(id));
        var screen = new ConferenceScreen(id, view, session, provinces) { Editing = editing, Errors = errors };
        PrefillEditedItem(screen);
        PrefillStored(screen);
        then(screen);
        while (screen.Notice.Tasks.Count < TaskRowsAtFirst)
        {
            screen.Notice.Tasks.Add(new TaskInput());
        }
        return screen;
    }

    /// <summary>The forms that show what is stored: the body's report, the attendance recorded at each bridge point.</summary>
    private static void PrefillStored(ConferenceScreen screen)
    {
        if (screen.Own?.Report is { } report)
        {
            screen.ReportText = new ReportInput { Results = report.Results, Shortcomings = report.Shortcomings, Proposals = report.Proposals };
        }
        screen.AttendanceCounts = screen.View.Sites.SelectMany(site => site.Points)
            .Select(row => new AttendanceInput { Body = row.Body, Key = row.Point.Key, Attendees = row.Attended })
            .ToList();
    }

    /// <summary>The add form filled with the item a "Sửa" link chose (?sua=), to be changed and saved in its place.</summary>
    private static void PrefillEditedItem(ConferenceScreen screen)
    {
        if (screen.EditingAt(RemovedItem.AgendaItem) is { } a && screen.Own?.AgendaItems.ElementAtOrDefault(a) is { } item)
        {
            screen.NewAgendaItem = new AgendaItemInput
            {
                Title = item.Title, Kind = item.Kind.ToString(), Minutes = item.Minutes,
                PresenterName = item.Presenter?.Name, PresenterTitle = item.Presenter?.Title, PresenterUnit = item.Presenter?.Unit,
            };
        }
        if (screen.EditingAt(RemovedItem.BridgePoint) is { } b && screen.Own?.BridgePoints.ElementAtOrDefault(b) is { } point)
        {
            screen.NewBridgePoint = new BridgePointInput
            {
                Key = point.Key, SiteCode = point.SiteCode, Address = point.Address, ChairName = point.LocalChair?.Name,
                ChairTitle = point.LocalChair?.Title, ExpectedAttendees = point.ExpectedAttendees, ConnectionContact = point.ConnectionContact,
            };
        }
        if (screen.EditingAt(RemovedItem.GoodPractice) is { } g && screen.Plan.Conference?.GoodPractices.ElementAtOrDefault(g) is { } practice)
        {
            screen.NewGoodPractice = new GoodPracticeInput { Unit = practice.Unit, Title = practice.Title, Summary = practice.Summary };
        }
    }
}
