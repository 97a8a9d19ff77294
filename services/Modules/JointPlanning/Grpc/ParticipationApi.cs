using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.Model;
using Platform.JointPlanning.V1;
using Platform.Messaging.Outbox;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Vietnamese;

namespace Platform.JointPlanning.Grpc;

/// <summary>This body's own part in each joint conference: its answer to the invitation and its contributions.</summary>
public sealed partial class ParticipationApi(DbContext db, ConferenceProcess process, CurrentActor actor, IBridgePointSites sites)
{
    private static readonly string[] UpdatablePaths = ["response", "decline_reason", "agenda_items", "bridge_points", "report"];

    public async Task<V1.Participation> GetAsync(GetParticipationRequest request, CancellationToken cancellationToken) =>
        (await FindAsync(request.ConferenceId, "conference_id", tracked: false, cancellationToken)).ToProto();

    public async Task<ListParticipationsResponse> ListAsync(ListParticipationsRequest request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        new RequestValidator().Require(Enum.IsDefined(request.Status), "status", Violation.Of(ErrorReasons.NotAllowedValue, "is not a conference status")).ThrowIfInvalid();
        var query = db.Set<Model.Participation>().AsNoTracking();
        if (request.Status != ConferenceStatus.Unspecified)
        {
            var status = ProtoEnums.Name(request.Status);
            query = query.Where(p => p.Status == status);
        }
        var result = await query.ToPageAsync(p => p.ListKey, page, cancellationToken);
        var response = new ListParticipationsResponse { NextPageToken = result.NextPageToken, TotalSize = result.Total.Size, TotalSizeCapped = result.Total.Capped };
        response.Participations.AddRange(result.Items.Select(p => p.ToProto()));
        return response;
    }

    public async Task<V1.Participation> UpdateAsync(UpdateParticipationRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpdateOnceAsync(request, cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < 3 && conflict.Entries.All(e => e.Entity is not Model.Participation))
            {
                // The lead's own change also moves its process manager, whose conference row a consumer or the deadline
                // sweep may have changed in between: not the caller's conflict (their participation is as they read it),
                // so the step is taken again from a fresh read. A change to the participation itself stays Aborted.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<V1.Participation> UpdateOnceAsync(UpdateParticipationRequest request, CancellationToken cancellationToken)
    {
        var input = request.Participation;
        new RequestValidator().Require(input is not null, "participation", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "participation.etag", validator);
        validator.ThrowIfInvalid();
        var participation = await FindAsync(input.ConferenceId, "participation.conference_id", tracked: true, cancellationToken);
        Etags.Check(participation.RowVersion, etag, "Participation", participation.ConferenceId);
        if (participation.Status == ConferenceStatuses.Concluded)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceConcluded, $"Conference '{participation.ConferenceId}' is concluded; contributions are closed.");
        }
        if (participation.Status == ConferenceStatuses.Cancelled)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceCancelled, $"Conference '{participation.ConferenceId}' was cancelled; contributions are closed.");
        }
        var merged = participation.ToProto();
        Masks.Merge(paths, input, merged);

        var response = merged.Response;
        validator.Require(response is InvitationResponse.Accepted or InvitationResponse.Declined or InvitationResponse.Pending,
            "participation.response", Violation.Of(ErrorReasons.NotAllowedValue, "must be accepted or declined"));
        var declineReason = VietnameseText.Normalize(merged.DeclineReason);
        validator.Require(response != InvitationResponse.Declined || declineReason.Length > 0, "participation.decline_reason", Violation.Required("is required when declining"));
        validator.Require(declineReason.Length <= 1000, "participation.decline_reason", Violation.TextTooLong(1000));
        var agenda = ValidateAgenda(validator, merged);
        var bridgePoints = await ValidateBridgePointsAsync(validator, merged, participation.Conference.Date, cancellationToken);
        var report = ValidateReport(validator, merged);
        validator.ThrowIfInvalid();
        if (participation.IsLead && response != InvitationResponse.Accepted)
        {
            throw new PreconditionFailedException(ErrorReasons.LeadCannotDecline, "The lead cannot decline its own conference; postpone it instead.");
        }

        participation.Response = ProtoEnums.Name(response);
        participation.DeclineReason = response == InvitationResponse.Declined ? declineReason : null;
        (participation.AgendaItems, participation.BridgePoints, participation.Report) = (agenda, bridgePoints, report);
        participation.Revision++;
        var changed = participation.ToEvent(actor.Actor!);
        if (participation.IsLead)
        {
            // The lead's process manager is in this database: it takes the change in the same transaction.
            var conference = await db.Set<LedConference>().Include(c => c.Participants)
                .SingleAsync(c => c.Id == participation.ConferenceId, cancellationToken);
            await process.ApplyParticipationAsync(conference, changed, cancellationToken);
        }
        else
        {
            db.AddIntegrationEvent(changed);
        }
        Etags.ExpectVersion(db, participation, etag);
        await db.SaveChangesAsync(cancellationToken);
        return participation.ToProto();
    }

    private static List<AgendaItemInfo> ValidateAgenda(RequestValidator validator, V1.Participation input)
    {
        validator.Require(input.AgendaItems.Count <= 50, "participation.agenda_items", Violation.Of(ErrorReasons.ItemCountOutOfRange, "holds at most 50 items", ("Max", 50)));
        var items = new List<AgendaItemInfo>();
        foreach (var (item, i) in input.AgendaItems.Select((a, i) => (a, i)))
        {
            var field = $"participation.agenda_items[{i}]";
            var title = VietnameseText.Normalize(item.Title);
            validator.Require(title.Length is > 0 and <= 300, $"{field}.title", Violation.RequiredText(300));
            validator.Require(item.Minutes is >= 1 and <= 240, $"{field}.minutes", Violation.NumberOutOfRange("must be 1 to 240 minutes", 1, 240));
            validator.Require(ProtoEnums.IsChosen(item.Kind), $"{field}.kind", Violation.Required("is required (report, good practice, discussion or conclusion)"));
            var presenter = ValidatePerson(validator, item.Presenter, $"{field}.presenter");
            items.Add(new AgendaItemInfo(title, presenter, item.Minutes, ProtoEnums.Name(item.Kind)));
        }
        return items;
    }

    private async Task<List<BridgePointInfo>> ValidateBridgePointsAsync(
        RequestValidator validator, V1.Participation input, DateOnly conferenceDate, CancellationToken cancellationToken)
    {
        validator.Require(input.BridgePoints.Count <= 200, "participation.bridge_points", Violation.Of(ErrorReasons.ItemCountOutOfRange, "holds at most 200 bridge points", ("Max", 200)));
        var points = new List<BridgePointInfo>();
        foreach (var (point, i) in input.BridgePoints.Select((b, i) => (b, i)))
        {
            var field = $"participation.bridge_points[{i}]";
            validator.Require(KeyPattern().IsMatch(point.Key), $"{field}.key", Violation.Of(ErrorReasons.InvalidFormat, "must be 1 to 40 of a-z, 0-9 and '-'", ("Min", 1), ("Max", 40)));
            validator.Require(points.All(p => p.Key != point.Key), $"{field}.key", Violation.Of(ErrorReasons.Duplicate, $"'{point.Key}' is used twice", ("Value", point.Key)));
            var site = point.SiteCode.Length is > 0 and <= 20 ? await sites.FindAsync(point.SiteCode, cancellationToken) : null;
            validator.Require(site is not null, $"{field}.site_code", Violation.UnknownReference($"'{point.SiteCode}' is not an administrative unit", point.SiteCode));
            validator.Require(site is null || site.ExistsOn(conferenceDate), $"{field}.site_code",
                Violation.Of(ErrorReasons.UnitNotValidOnDate, $"'{point.SiteCode}' does not exist on {conferenceDate.ToIso()} (merged or not yet created)", ("Value", point.SiteCode), ("Date", conferenceDate.ToIso())));
            var address = VietnameseText.Normalize(point.Address);
            validator.Require(address.Length <= 300, $"{field}.address", Violation.TextTooLong(300));
            var chair = ValidatePerson(validator, point.LocalChair, $"{field}.local_chair");
            validator.Require(point.ExpectedAttendees is >= 0 and <= 100_000, $"{field}.expected_attendees", Violation.NumberOutOfRange("must be 0 to 100000", 0, 100000));
            var contact = VietnameseText.Normalize(point.ConnectionContact);
            validator.Require(contact.Length <= 200, $"{field}.connection_contact", Violation.TextTooLong(200));
            points.Add(new BridgePointInfo(point.Key, point.SiteCode, site?.NameOn(conferenceDate) ?? "", address, chair, point.ExpectedAttendees, contact));
        }
        return points;
    }

    private static ReviewReportText? ValidateReport(RequestValidator validator, V1.Participation input)
    {
        if (input.Report is null)
        {
            return null;
        }
        var results = VietnameseText.Normalize(input.Report.Results);
        var shortcomings = VietnameseText.Normalize(input.Report.Shortcomings);
        var proposals = VietnameseText.Normalize(input.Report.Proposals);
        validator.Require(results.Length is > 0 and <= 20000, "participation.report.results", Violation.RequiredText(20000));
        validator.Require(shortcomings.Length <= 20000, "participation.report.shortcomings", Violation.TextTooLong(20000));
        validator.Require(proposals.Length <= 20000, "participation.report.proposals", Violation.TextTooLong(20000));
        return new ReviewReportText(results, shortcomings, proposals);
    }

    private static PersonNamed ValidatePerson(RequestValidator validator, Person? person, string field)
    {
        person ??= new Person();
        var name = VietnameseText.Normalize(person.Name);
        var title = VietnameseText.Normalize(person.Title);
        var unit = VietnameseText.Normalize(person.Unit);
        validator.Require(name.Length is > 0 and <= 100, $"{field}.name", Violation.RequiredText(100));
        validator.Require(title.Length <= 300, $"{field}.title", Violation.TextTooLong(300));
        validator.Require(unit.Length <= 300, $"{field}.unit", Violation.TextTooLong(300));
        return new PersonNamed(name, title, unit);
    }

    private async Task<Model.Participation> FindAsync(string conferenceId, string field, bool tracked, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(conferenceId.Length is > 0 and <= 100, field, Violation.Required()).ThrowIfInvalid();
        var query = tracked ? db.Set<Model.Participation>() : db.Set<Model.Participation>().AsNoTracking();
        // A body not invited has no participation: it cannot contribute to the conference.
        return await query.SingleOrDefaultAsync(p => p.ConferenceId == conferenceId, cancellationToken)
            ?? throw new ResourceNotFoundException($"Participation of {process.Body} in conference", conferenceId);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();
}
