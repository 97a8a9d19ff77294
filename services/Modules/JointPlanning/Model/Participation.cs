using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.JointPlanning.Model;

/// <summary>A body's half-year review report: a structured summary.</summary>
public sealed record ReviewReportText(string Results, string Shortcomings, string Proposals);

/// <summary>
/// This body's own part in a joint conference: its answer and contributions (changed through its own API,
/// each change increasing <see cref="Revision"/> and told to the lead) and the conference as the lead last
/// announced it (<see cref="Conference"/>, kept only if newer than the one held).
/// </summary>
public sealed class Participation : IAuditable
{
    public required string ConferenceId { get; init; }
    public required string LeadBody { get; init; }
    public required string Body { get; init; }
    public required ConferenceSnapshot Conference { get; set; }
    /// <summary>The announced status and date, as columns to filter and order by.</summary>
    public string Status { get; set; } = ConferenceStatuses.Planning;
    public string ListKey { get; set; } = "";
    public string Response { get; set; } = Responses.Pending;
    public string? DeclineReason { get; set; }
    public List<AgendaItemInfo> AgendaItems { get; set; } = [];
    public List<BridgePointInfo> BridgePoints { get; set; } = [];
    public ReviewReportText? Report { get; set; }
    public long Revision { get; set; }
    public uint RowVersion { get; set; }

    public string AuditResource => $"participations/{ConferenceId}";

    public bool IsLead => LeadBody == Body;

    /// <summary>Keeps an announced state of the conference if it is newer than the one held; says whether it was.</summary>
    public bool Take(ConferenceSnapshot announced)
    {
        if (announced.Revision <= Conference.Revision)
        {
            return false;
        }
        Conference = announced;
        Status = announced.Status;
        ListKey = LedConference.KeyFor(announced.Date, ConferenceId);
        return true;
    }

    public static Participation From(ConferenceSnapshot announced, string body, string response) => new()
    {
        ConferenceId = announced.ConferenceId,
        LeadBody = announced.LeadBody,
        Body = body,
        Conference = announced,
        Status = announced.Status,
        ListKey = LedConference.KeyFor(announced.Date, announced.ConferenceId),
        Response = response,
    };

    public JointParticipationChanged ToEvent(Actor changedBy) => new(
        ConferenceId, LeadBody, Body, Revision, Response, DeclineReason, AgendaItems, BridgePoints, Report is not null, changedBy);
}
