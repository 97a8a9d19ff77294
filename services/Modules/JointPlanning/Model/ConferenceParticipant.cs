using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.JointPlanning.Model;

/// <summary>
/// The lead's record of one participating body (the lead included): what it answered and contributed as
/// last heard (<see cref="Revision"/> of its participation), and the lead's decisions about it. The process
/// manager reads readiness from these rows.
/// </summary>
public sealed class ConferenceParticipant : IAuditable
{
    public required string ConferenceId { get; init; }
    public required string Body { get; init; }
    /// <summary>0 for the lead, then the co-organizers in the order the lead named them.</summary>
    public int Position { get; init; }
    public long Revision { get; set; }
    public string Response { get; set; } = Responses.Pending;
    public string? DeclineReason { get; set; }
    public List<AgendaItemInfo> AgendaItems { get; set; } = [];
    public List<BridgePointInfo> BridgePoints { get; set; } = [];
    public bool HasReport { get; set; }
    /// <summary>Not ready when the response deadline passed (set by the sweep, cleared when it becomes ready).</summary>
    public bool Overdue { get; set; }
    /// <summary>The lead goes on without this body.</summary>
    public bool Excluded { get; set; }

    public string AuditResource => $"conferences/{ConferenceId}/participants/{Body}";

    /// <summary>What the body still has to do before the conference can be scheduled.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Response != Responses.Accepted)
        {
            missing.Add(Response == Responses.Declined ? "declined" : "acceptance");
        }
        if (AgendaItems.Count == 0)
        {
            missing.Add("agenda items");
        }
        if (BridgePoints.Count == 0)
        {
            missing.Add("bridge points");
        }
        if (!HasReport)
        {
            missing.Add("report");
        }
        return missing;
    }

    public bool IsReady => Missing().Count == 0;

    /// <summary>Takes a newer state of the body's participation; says what changed, or null if nothing did.</summary>
    public string? Apply(JointParticipationChanged state)
    {
        var changed = new List<string>();
        if (state.Response != Response || state.DeclineReason != DeclineReason)
        {
            changed.Add(state.Response == Responses.Declined ? "declined" : "its answer");
        }
        if (!AgendaItems.SequenceEqual(state.AgendaItems))
        {
            changed.Add("its agenda items");
        }
        if (!BridgePoints.SequenceEqual(state.BridgePoints))
        {
            changed.Add("its bridge points");
        }
        if (state.HasReport != HasReport)
        {
            changed.Add("its report");
        }
        Revision = state.Revision;
        Response = state.Response;
        DeclineReason = state.DeclineReason;
        AgendaItems = [.. state.AgendaItems];
        BridgePoints = [.. state.BridgePoints];
        HasReport = state.HasReport;
        if (IsReady)
        {
            Overdue = false;
        }
        return changed.Count == 0 ? null : $"{Body} changed {string.Join(", ", changed)}";
    }
}
