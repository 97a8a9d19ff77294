using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.JointPlanning.Reads;
using Platform.Screens.Elections;
using Platform.Screens.Formatting;
using Platform.Screens.Notifications;
using Platform.Screens.Parts;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Notifications;

/// <summary>
/// What the signed-in person's body must do and by when (/notifications): invitations it has not answered (by the
/// response deadline), conclusion tasks it owns not done (by their due day), and, for Delegate Affairs, candidates
/// whose vetting waits on a reviewer. Read from the body's own service, whose lists the events keep current: an
/// invitation reaches the invitee's service by event, tasks reach their owners by event, a vetting needs review when
/// the bodies' answers (events) or their silence past the deadline say so. Overdue first.
/// </summary>
public sealed class IndexModel(JointPlanningClients clients, ServiceChannels channels, ScreenSession session, TimeProvider clock,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many days ahead an item counts as due.</summary>
    public const int Window = 14;

    private const int PageSize = 1000;
    private const int MaxPages = 5;

    public IReadOnlyList<DueItem> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The parts that could not be read: the list says it may be missing items, never that there are none.</summary>
    public List<string> Unavailable { get; } = [];

    public async Task OnGetAsync()
    {
        Today = VietnameseFormat.Today(clock);
        var items = new List<DueItem>();
        if (JointPlanningBodies.IsBody(session.Body))
        {
            await ReadAsync("lời mời và nhiệm vụ", async options =>
            {
                items.AddRange(await InvitationsAsync(options));
                items.AddRange(await TasksAsync(options));
            });
        }
        if (session.Body == "delegate-affairs" && session.Is("reviewer"))
        {
            await ReadAsync("hàng đợi thẩm tra, xác minh", async options => items.AddRange(await ReviewQueuesAsync(options)));
        }
        Items = DueItem.Pending(items, Today, Window);
    }

    private async Task ReadAsync(string what, Func<CallOptions, Task> read)
    {
        try
        {
            await read(await session.CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            logger.LogWarning("The notifications could not read {What}: {Status}", what, failure.StatusCode);
            Unavailable.Add(what);
        }
    }

    /// <summary>Invitations to this body still pending, of conferences not called off or concluded.</summary>
    private async Task<IEnumerable<DueItem>> InvitationsAsync(CallOptions options)
    {
        var participations = await AllPages.ReadAsync(token => clients[session.Body].ListParticipationsAsync(
            new ListParticipationsRequest { PageSize = PageSize, PageToken = token }, options).ResponseAsync, a => a.Participations, a => a.NextPageToken, MaxPages);
        return participations
            .Where(p => p.Response == InvitationResponse.Pending && p.Conference is { } c && c.LeadBody != session.Body
                && c.Status is ConferenceStatus.Planning or ConferenceStatus.Scheduled)
            .Select(p => new DueItem(DueKind.Invitation, p.ConferenceId, $"Trả lời lời mời: {p.Conference.Title}",
                $"{Labels.Body(p.Conference.LeadBody)} mời phối hợp; họp ngày {VietnameseFormat.Date(p.Conference.Date)}.",
                VietnameseFormat.ParseDate(p.Conference.ResponseDeadline), $"/conferences/{Uri.EscapeDataString(p.ConferenceId)}#participation"));
    }

    /// <summary>This body's own conclusion tasks not done.</summary>
    private async Task<IEnumerable<DueItem>> TasksAsync(CallOptions options)
    {
        var tasks = await AllPages.ReadAsync(token => clients[session.Body].ListJointTasksAsync(
            new ListJointTasksRequest { PageSize = PageSize, PageToken = token }, options).ResponseAsync, a => a.Tasks, a => a.NextPageToken, MaxPages);
        return tasks.Where(t => t.OwnerBody == session.Body && !t.Done)
            .Select(t => new DueItem(DueKind.Task, t.Id, t.Description, $"Đã thực hiện {t.Percent}%.", VietnameseFormat.ParseDate(t.DueDate),
                $"/tasks?owner={Uri.EscapeDataString(t.OwnerBody)}#{Tasks.IndexModel.CardId(t.Id, t.OwnerBody)}"));
    }

    /// <summary>Each election with candidates whose vetting needs a reviewer (counted up to a page).</summary>
    private async Task<IEnumerable<DueItem>> ReviewQueuesAsync(CallOptions options)
    {
        var channel = channels["delegate-affairs"];
        var elections = await new ElectionService.ElectionServiceClient(channel).ListElectionsAsync(new ListElectionsRequest { PageSize = 100 }, options);
        var candidates = new CandidateService.CandidateServiceClient(channel);
        var queues = await Task.WhenAll(elections.Elections.Select(async e => (e, await candidates.ListCandidatesAsync(new ListCandidatesRequest
        {
            ElectionId = e.Id, VettingStatus = ElectionLabels.FilterName(VettingStatus.NeedsReview), PageSize = 100,
        }, options))));
        return queues.Where(q => q.Item2.Candidates.Count > 0).Select(q => new DueItem(DueKind.VettingReview, q.e.Id,
            $"{(q.Item2.NextPageToken.Length > 0 ? "Hơn 100" : q.Item2.Candidates.Count.ToString())} người ứng cử cần xem xét — {ElectionLabels.Kind(q.e.Kind)} khóa {q.e.Term}",
            "Thẩm tra, xác minh chưa kết luận được: người xem xét của Ban Công tác đại biểu kết luận.", null,
            $"/elections/{Uri.EscapeDataString(q.e.Id)}/review"));
    }
}
