using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Model;
using Platform.JointPlanning.V1;
using Platform.Api.Errors;
using Platform.Vietnamese;

namespace Platform.JointPlanning.Grpc;

/// <summary>Model and event records to the API's messages.</summary>
internal static class JointPlanningMapping
{
    public static Conference ToProto(this LedConference conference, IReadOnlyCollection<Model.TaskOwnerState> ownerStates)
    {
        var proto = Header(conference.ToSnapshot());
        proto.Readiness.AddRange(conference.Participants.OrderBy(p => p.Position).Select(ToProto));
        proto.Attendance.AddRange(conference.Attendance.Select(a =>
            new Attendance { Body = a.Body, BridgePointKey = a.BridgePointKey, Attendees = a.Attendees }));
        proto.GoodPractices.AddRange(conference.GoodPractices.Select(g => new GoodPractice { Unit = g.Unit, Title = g.Title, Summary = g.Summary }));
        if (conference.ConclusionSummary is not null)
        {
            proto.Conclusion.Summary = conference.ConclusionSummary;
            proto.Conclusion.IssuedOn = conference.ConcludedOn!.Value.ToIso();
            foreach (var task in proto.Conclusion.Tasks)
            {
                task.OwnerStates.AddRange(task.Owners.Select(owner =>
                    ownerStates.SingleOrDefault(s => s.TaskId == task.Id && s.OwnerBody == owner) is { } state
                        ? new V1.TaskOwnerState
                        {
                            Body = owner, Percent = state.Percent, Done = state.Done, Overdue = state.Overdue,
                            UpdatedAt = state.ChangedAt.ToString("O"),
                        }
                        : new V1.TaskOwnerState { Body = owner }));
            }
        }
        proto.PostponementReason = conference.PostponementReason ?? "";
        proto.CancellationReason = conference.CancellationReason ?? "";
        proto.Etag = Etags.Of(conference.RowVersion);
        return proto;
    }

    /// <summary>What a participant knows of a conference: the header, status, agenda and tasks the lead announced.</summary>
    public static Conference Header(ConferenceSnapshot snapshot)
    {
        var proto = new Conference
        {
            Id = snapshot.ConferenceId,
            LeadBody = snapshot.LeadBody,
            Title = snapshot.Title,
            Kind = ProtoEnums.Parse<ConferenceKind>(snapshot.Kind),
            PeriodStart = snapshot.PeriodStart.ToIso(),
            PeriodEnd = snapshot.PeriodEnd.ToIso(),
            Date = snapshot.Date.ToIso(),
            StartTime = ClockTime.Format(snapshot.StartTime),
            Format = ProtoEnums.Parse<ConferenceFormat>(snapshot.Format),
            Chair = new Chair { Name = snapshot.Chair.Name, Title = snapshot.Chair.Title, Body = snapshot.Chair.Body },
            ResponseDeadline = snapshot.ResponseDeadline.ToIso(),
            Status = ProtoEnums.Parse<ConferenceStatus>(snapshot.Status),
            Revision = snapshot.Revision,
        };
        proto.CoOrganizers.AddRange(snapshot.Participants.Where(p => p != snapshot.LeadBody));
        proto.Agenda.AddRange(snapshot.Agenda.Select(a => new V1.ScheduledAgendaItem
        {
            Position = a.Position, Body = a.Body, StartTime = a.StartTime, EndTime = a.EndTime, Item = ToProto(a.Item),
        }));
        if (snapshot.Tasks.Count > 0)
        {
            proto.Conclusion = new Conclusion();
            proto.Conclusion.Tasks.AddRange(snapshot.Tasks.Select(ToProto));
        }
        return proto;
    }

    private static Readiness ToProto(ConferenceParticipant participant)
    {
        var readiness = new Readiness
        {
            Body = participant.Body,
            Response = ProtoEnums.Parse<InvitationResponse>(participant.Response),
            DeclineReason = participant.DeclineReason ?? "",
            AgendaItems = participant.AgendaItems.Count,
            BridgePoints = participant.BridgePoints.Count,
            Report = participant.HasReport,
            Ready = participant.IsReady,
            Overdue = participant.Overdue,
            Excluded = participant.Excluded,
        };
        readiness.Missing.AddRange(participant.Missing());
        return readiness;
    }

    public static V1.Participation ToProto(this Model.Participation participation)
    {
        var proto = new V1.Participation
        {
            ConferenceId = participation.ConferenceId,
            Body = participation.Body,
            Conference = Header(participation.Conference),
            Response = ProtoEnums.Parse<InvitationResponse>(participation.Response),
            DeclineReason = participation.DeclineReason ?? "",
            Revision = participation.Revision,
            Etag = Etags.Of(participation.RowVersion),
        };
        proto.AgendaItems.AddRange(participation.AgendaItems.Select(ToProto));
        proto.BridgePoints.AddRange(participation.BridgePoints.Select(ToProto));
        if (participation.Report is { } report)
        {
            proto.Report = new ReviewReport { Results = report.Results, Shortcomings = report.Shortcomings, Proposals = report.Proposals };
        }
        return proto;
    }

    public static JointTask ToProto(this OwnedTask task)
    {
        var proto = new JointTask
        {
            Id = task.Id,
            ConferenceId = task.ConferenceId,
            LeadBody = task.LeadBody,
            OwnerBody = task.OwnerBody,
            DueDate = task.DueDate.ToIso(),
            Description = task.Description,
            Percent = task.Percent,
            Done = task.Done,
            Overdue = task.Overdue,
            Etag = Etags.Of(task.RowVersion),
        };
        proto.Owners.AddRange(task.Owners);
        proto.LegalBasis.AddRange(task.LegalBasis.Select(ToProto));
        proto.Progress.AddRange(task.Progress.Select(p => new ProgressNote
        {
            ReportedAt = p.ReportedAt.ToString("O"), Percent = p.Percent, Done = p.Done, Note = p.Note, ReportedBy = p.ReportedBy,
        }));
        return proto;
    }

    public static AgendaItem ToProto(AgendaItemInfo item) => new()
    {
        Title = item.Title,
        Presenter = ToProto(item.Presenter),
        Minutes = item.Minutes,
        Kind = ProtoEnums.Parse<AgendaItemKind>(item.Kind),
    };

    public static BridgePoint ToProto(BridgePointInfo point) => new()
    {
        Key = point.Key,
        SiteCode = point.SiteCode,
        SiteName = point.SiteName,
        Address = point.Address,
        LocalChair = ToProto(point.LocalChair),
        ExpectedAttendees = point.ExpectedAttendees,
        ConnectionContact = point.ConnectionContact,
    };

    private static Person ToProto(PersonNamed person) => new() { Name = person.Name, Title = person.Title, Unit = person.Unit };

    private static ConferenceTask ToProto(ConferenceTaskInfo task)
    {
        var proto = new ConferenceTask { Id = task.Id, DueDate = task.DueDate.ToIso(), Description = task.Description };
        proto.Owners.AddRange(task.Owners);
        proto.LegalBasis.AddRange(task.LegalBasis.Select(ToProto));
        return proto;
    }

    private static LegalBasis ToProto(LegalBasisInfo basis) => new() { Number = basis.Number, Date = basis.Date?.ToIso() ?? "", Title = basis.Title };
}
