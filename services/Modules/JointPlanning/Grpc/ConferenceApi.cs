using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.Model;
using Platform.JointPlanning.V1;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.Vietnamese;

namespace Platform.JointPlanning.Grpc;

/// <summary>The lead's side of the API: propose, change, schedule, postpone and conclude the conferences this body leads.</summary>
public sealed partial class ConferenceApi(DbContext db, ConferenceProcess process, CurrentActor actor, TimeProvider clock)
{
    private static readonly string[] UpdatablePaths =
        ["title", "kind", "period_start", "period_end", "format", "chair", "response_deadline", "attendance", "good_practices"];

    private static readonly string[] HeaderPaths = ["title", "kind", "period_start", "period_end", "format", "chair", "response_deadline"];

    private Actor Actor => actor.Actor!;

    public async Task<Conference> ProposeAsync(ProposeConferenceRequest request, CancellationToken cancellationToken)
    {
        var input = request.Conference;
        new RequestValidator().Require(input is not null, "conference", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        validator.Require(request.ConferenceId.Length == 0 || SlugPattern().IsMatch(request.ConferenceId),
            "conference_id", Violation.Of(ErrorReasons.InvalidFormat, "must be 3 to 60 of a-z, 0-9 and '-', starting with a letter or digit", ("Min", 3), ("Max", 60)));
        var coOrganizers = input!.CoOrganizers.ToList();
        validator.Require(coOrganizers.Count > 0, "conference.co_organizers", Violation.Of(ErrorReasons.ItemCountOutOfRange, "names at least one other body", ("Min", 1)));
        foreach (var (body, i) in coOrganizers.Select((b, i) => (b, i)))
        {
            validator.Require(PlatformBodies.All.Contains(body), $"conference.co_organizers[{i}]", Violation.Of(ErrorReasons.NotAllowedValue, $"'{body}' is not one of {string.Join(", ", PlatformBodies.All)}", ("Value", body)));
            validator.Require(body != process.Body, $"conference.co_organizers[{i}]", Violation.Of(ErrorReasons.Inconsistent, "is the lead itself"));
        }
        validator.Require(coOrganizers.Distinct().Count() == coOrganizers.Count, "conference.co_organizers", Violation.Of(ErrorReasons.Duplicate, "names a body twice"));
        var date = validator.Date(input.Date, "conference.date", required: true);
        var startValid = ClockTime.TryParse(input.StartTime, out var startTime);
        validator.Require(startValid, "conference.start_time", Violation.InvalidTime);
        var header = ValidateHeader(validator, input, [process.Body, .. coOrganizers], date);
        validator.ThrowIfInvalid();

        var slug = request.ConferenceId.Length > 0 ? request.ConferenceId : $"{date!.Value:yyyy-MM-dd}-{Guid.NewGuid().ToString("N")[..6]}";
        var id = $"{process.Body}.{slug}";
        if (await db.Set<LedConference>().AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new ResourceAlreadyExistsException("Conference", id);
        }
        var conference = new LedConference
        {
            Id = id,
            LeadBody = process.Body,
            Title = header.Title,
            Kind = header.Kind,
            Format = header.Format,
            ChairName = header.Chair.Name,
            ChairTitle = header.Chair.Title,
            ChairBody = header.Chair.Body,
            Date = date!.Value,
            StartTime = startTime,
            ListKey = LedConference.KeyFor(date.Value, id),
        };
        header.ApplyTo(conference);
        conference.Participants.Add(new ConferenceParticipant { ConferenceId = id, Body = process.Body, Position = 0, Response = Responses.Accepted });
        conference.Participants.AddRange(coOrganizers.Select((body, i) => new ConferenceParticipant { ConferenceId = id, Body = body, Position = i + 1 }));
        db.Set<LedConference>().Add(conference);
        await process.AnnounceAsync(conference, snapshot => new JointConferenceProposed(snapshot, Actor), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return conference.ToProto([]);
    }

    public async Task<Conference> GetAsync(GetConferenceRequest request, CancellationToken cancellationToken)
    {
        var conference = await FindAsync(request.Id, "id", tracked: false, cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    public async Task<Conference> UpdateAsync(UpdateConferenceRequest request, CancellationToken cancellationToken)
    {
        var input = request.Conference;
        new RequestValidator().Require(input is not null, "conference", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "conference.etag", validator);
        validator.ThrowIfInvalid();
        var conference = await FindAsync(input.Id, "conference.id", tracked: true, cancellationToken);
        Etags.Check(conference.RowVersion, etag, "Conference", conference.Id);
        var merged = conference.ToProto([]);
        Masks.Merge(paths, input, merged);

        var headerChanged = paths.Intersect(HeaderPaths).Any();
        if (conference.Status == ConferenceStatuses.Cancelled)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceCancelled, $"Conference '{conference.Id}' was cancelled; it no longer changes.");
        }
        if (headerChanged && conference.Status == ConferenceStatuses.Concluded)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceConcluded, $"Conference '{conference.Id}' is concluded; its header can no longer change.");
        }
        var outcome = paths.Contains("attendance") || paths.Contains("good_practices");
        if (outcome && conference.Status == ConferenceStatuses.Planning)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceNotScheduled,
                $"Conference '{conference.Id}' is not scheduled yet; attendance and good practices are recorded during or after it.");
        }
        var header = ValidateHeader(validator, merged, conference.Participants.Select(p => p.Body).ToList(), conference.Date);
        var attendance = ValidateAttendance(validator, merged, conference);
        var practices = ValidateGoodPractices(validator, merged);
        validator.ThrowIfInvalid();

        if (headerChanged)
        {
            (conference.Title, conference.Kind, conference.Format) = (header.Title, header.Kind, header.Format);
            (conference.ChairName, conference.ChairTitle, conference.ChairBody) = (header.Chair.Name, header.Chair.Title, header.Chair.Body);
            header.ApplyTo(conference);
            await process.AnnounceAsync(conference, snapshot => new JointConferenceUpdated(snapshot, Actor), cancellationToken);
        }
        if (outcome)
        {
            (conference.Attendance, conference.GoodPractices) = (attendance, practices);
            conference.UpdatedAt = clock.GetUtcNow();
        }
        Etags.ExpectVersion(db, conference, etag);
        await db.SaveChangesAsync(cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    public async Task<Conference> ScheduleAsync(ScheduleConferenceRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        validator.ThrowIfInvalid();
        var conference = await FindAsync(request.Id, "id", tracked: true, cancellationToken);
        Etags.Check(conference.RowVersion, etag, "Conference", conference.Id);
        foreach (var (body, i) in request.ProceedWithout.Select((b, i) => (b, i)))
        {
            var participant = conference.Participant(body);
            validator.Require(participant is not null && body != conference.LeadBody, $"proceed_without[{i}]", Violation.Of(ErrorReasons.NotAParticipant, $"'{body}' is not a co-organizer of this conference", ("Value", body)));
        }
        validator.ThrowIfInvalid();
        if (conference.Status != ConferenceStatuses.Planning)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceNotPlanning,
                $"Conference '{conference.Id}' is {conference.Status.ToLowerInvariant()}, not being planned.", ("status", conference.Status));
        }
        foreach (var body in request.ProceedWithout)
        {
            conference.Participant(body)!.Excluded = true;
        }
        if (!await process.AdvanceAsync(conference, cancellationToken))
        {
            var missing = conference.Required.Where(p => !p.IsReady).Select(p => $"{p.Body}: {string.Join(", ", p.Missing())}");
            // Nothing is saved: the exclusions above are dropped with the unit of work.
            throw new PreconditionFailedException(ErrorReasons.ConferenceNotReady,
                $"Conference '{conference.Id}' is not ready. Missing — {string.Join("; ", missing)}. Wait for them, go on without them (proceed_without) or postpone.",
                ("missing", string.Join("; ", missing)));
        }
        Etags.ExpectVersion(db, conference, etag);
        await db.SaveChangesAsync(cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    public async Task<Conference> PostponeAsync(PostponeConferenceRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        var date = validator.Date(request.Date, "date", required: true);
        // Empty keeps the start the conference has (as the field's documentation says); only a given one is parsed.
        var keepStart = request.StartTime.Length == 0;
        var startValid = ClockTime.TryParse(request.StartTime, out var startTime);
        validator.Require(keepStart || startValid, "start_time", Violation.InvalidTime);
        var deadline = validator.Date(request.ResponseDeadline, "response_deadline", required: true);
        validator.Require(deadline is null || date is null || deadline <= date, "response_deadline", Violation.Of(ErrorReasons.DateTooLate, "must not be after the new date", ("Bound", "the new date")));
        var reason = VietnameseText.Normalize(request.Reason);
        validator.Require(reason.Length is > 0 and <= 1000, "reason", Violation.RequiredText(1000));
        validator.ThrowIfInvalid();
        var conference = await FindAsync(request.Id, "id", tracked: true, cancellationToken);
        Etags.Check(conference.RowVersion, etag, "Conference", conference.Id);
        ThrowIfClosed(conference, "it cannot be postponed");
        conference.Postpone(date!.Value, keepStart ? conference.StartTime : startTime, deadline!.Value, reason);
        await process.AnnounceAsync(conference, snapshot => new JointConferencePostponed(snapshot, reason, Actor), cancellationToken);
        await process.AdvanceAsync(conference, cancellationToken);
        Etags.ExpectVersion(db, conference, etag);
        await db.SaveChangesAsync(cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    public async Task<Conference> CancelAsync(CancelConferenceRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        var reason = VietnameseText.Normalize(request.Reason);
        validator.Require(reason.Length is > 0 and <= 1000, "reason", Violation.RequiredText(1000));
        validator.ThrowIfInvalid();
        var conference = await FindAsync(request.Id, "id", tracked: true, cancellationToken);
        Etags.Check(conference.RowVersion, etag, "Conference", conference.Id);
        ThrowIfClosed(conference, "it cannot be cancelled");
        conference.Cancel(reason);
        await process.AnnounceAsync(conference, snapshot => new JointConferenceCancelled(snapshot, reason, Actor), cancellationToken);
        Etags.ExpectVersion(db, conference, etag);
        await db.SaveChangesAsync(cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    public async Task<Conference> ConcludeAsync(ConcludeConferenceRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        validator.Require(request.Conclusion is not null, "conclusion", Violation.Required());
        validator.ThrowIfInvalid();
        var conference = await FindAsync(request.Id, "id", tracked: true, cancellationToken);
        Etags.Check(conference.RowVersion, etag, "Conference", conference.Id);
        var summary = VietnameseText.Normalize(request.Conclusion!.Summary);
        validator.Require(summary.Length is > 0 and <= 20000, "conclusion.summary", Violation.RequiredText(20000));
        var tasks = ValidateTasks(validator, request.Conclusion, conference);
        var today = VietnamTime.Today(clock);
        var issuedOn = validator.Date(request.Conclusion.IssuedOn, "conclusion.issued_on") ?? today;
        var issuedOnRange = $"must be between the conference ({conference.Date.ToIso()}) and today";
        validator.Require(issuedOn >= conference.Date, "conclusion.issued_on", Violation.Of(ErrorReasons.DateTooEarly, issuedOnRange, ("Bound", conference.Date.ToIso())));
        validator.Require(issuedOn <= today, "conclusion.issued_on", Violation.Of(ErrorReasons.DateTooLate, issuedOnRange, ("Bound", "today")));
        validator.ThrowIfInvalid();
        if (conference.Status != ConferenceStatuses.Scheduled)
        {
            throw new PreconditionFailedException(ErrorReasons.ConferenceNotScheduled,
                $"Conference '{conference.Id}' is {conference.Status.ToLowerInvariant()}; only a scheduled conference is concluded.", ("status", conference.Status));
        }
        conference.Conclude(summary, issuedOn, tasks);
        await process.AnnounceAsync(conference, snapshot => new JointConferenceConcluded(snapshot, Actor), cancellationToken);
        Etags.ExpectVersion(db, conference, etag);
        await db.SaveChangesAsync(cancellationToken);
        return await ToProtoAsync(conference, cancellationToken);
    }

    private sealed record Header(string Title, string Kind, string Format, ConferenceChair Chair, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Deadline)
    {
        public void ApplyTo(LedConference conference) =>
            (conference.PeriodStart, conference.PeriodEnd, conference.ResponseDeadline) = (PeriodStart, PeriodEnd, Deadline);
    }

    /// <summary>A concluded or cancelled conference takes no more steps of its process.</summary>
    private static void ThrowIfClosed(LedConference conference, string what)
    {
        switch (conference.Status)
        {
            case ConferenceStatuses.Concluded:
                throw new PreconditionFailedException(ErrorReasons.ConferenceConcluded, $"Conference '{conference.Id}' is concluded; {what}.");
            case ConferenceStatuses.Cancelled:
                throw new PreconditionFailedException(ErrorReasons.ConferenceCancelled, $"Conference '{conference.Id}' was cancelled; {what}.");
        }
    }

    private static Header ValidateHeader(RequestValidator validator, Conference input, IReadOnlyCollection<string> participants, DateOnly? date)
    {
        var title = VietnameseText.Normalize(input.Title);
        validator.Require(title.Length is > 0 and <= 300, "conference.title", Violation.RequiredText(300));
        validator.Require(ProtoEnums.IsChosen(input.Kind), "conference.kind", Violation.Required());
        validator.Require(ProtoEnums.IsChosen(input.Format), "conference.format", Violation.Required("is required (online, in person or hybrid)"));
        var periodStart = validator.Date(input.PeriodStart, "conference.period_start", required: true);
        var periodEnd = validator.Date(input.PeriodEnd, "conference.period_end", required: true);
        validator.Require(periodStart is null || periodEnd is null || periodStart <= periodEnd, "conference.period_end", Violation.Of(ErrorReasons.DateTooEarly, "is before period_start", ("Bound", "period_start")));
        var deadline = validator.Date(input.ResponseDeadline, "conference.response_deadline", required: true);
        validator.Require(deadline is null || date is null || deadline <= date, "conference.response_deadline", Violation.Of(ErrorReasons.DateTooLate, "must not be after the conference's date", ("Bound", "the conference's date")));
        var chair = input.Chair ?? new Chair();
        var chairName = VietnameseText.Normalize(chair.Name);
        var chairTitle = VietnameseText.Normalize(chair.Title);
        validator.Require(chairName.Length is > 0 and <= 100, "conference.chair.name", Violation.RequiredText(100));
        validator.Require(chairTitle.Length is > 0 and <= 300, "conference.chair.title", Violation.RequiredText(300));
        validator.Require(participants.Contains(chair.Body), "conference.chair.body", Violation.Of(ErrorReasons.NotAParticipant, "must be one of the bodies organizing the conference"));
        return new Header(title, ProtoEnums.Name(input.Kind), ProtoEnums.Name(input.Format), new ConferenceChair(chairName, chairTitle, chair.Body),
            periodStart.GetValueOrDefault(), periodEnd.GetValueOrDefault(), deadline.GetValueOrDefault());
    }

    private static List<AttendanceRecord> ValidateAttendance(RequestValidator validator, Conference input, LedConference conference)
    {
        var records = new List<AttendanceRecord>();
        foreach (var (row, i) in input.Attendance.Select((a, i) => (a, i)))
        {
            var field = $"conference.attendance[{i}]";
            var participant = conference.Participant(row.Body);
            validator.Require(participant is not null, $"{field}.body", Violation.Of(ErrorReasons.NotAParticipant, $"'{row.Body}' does not take part in this conference", ("Value", row.Body)));
            validator.Require(participant is null || participant.BridgePoints.Any(b => b.Key == row.BridgePointKey),
                $"{field}.bridge_point_key", Violation.UnknownReference($"'{row.BridgePointKey}' is not a bridge point of {row.Body}", row.BridgePointKey));
            validator.Require(row.Attendees is >= 0 and <= 1_000_000, $"{field}.attendees", Violation.NumberOutOfRange("must be 0 to 1000000", 0, 1000000));
            validator.Require(records.All(r => r.Body != row.Body || r.BridgePointKey != row.BridgePointKey), field, Violation.Of(ErrorReasons.Duplicate, "repeats a bridge point"));
            records.Add(new AttendanceRecord(row.Body, row.BridgePointKey, row.Attendees));
        }
        return records;
    }

    private static List<GoodPracticeRecord> ValidateGoodPractices(RequestValidator validator, Conference input)
    {
        var practices = new List<GoodPracticeRecord>();
        validator.Require(input.GoodPractices.Count <= 100, "conference.good_practices", Violation.Of(ErrorReasons.ItemCountOutOfRange, "holds at most 100", ("Max", 100)));
        foreach (var (practice, i) in input.GoodPractices.Select((p, i) => (p, i)))
        {
            var field = $"conference.good_practices[{i}]";
            var unit = VietnameseText.Normalize(practice.Unit);
            var title = VietnameseText.Normalize(practice.Title);
            var summary = VietnameseText.Normalize(practice.Summary);
            validator.Require(unit.Length is > 0 and <= 300, $"{field}.unit", Violation.RequiredText(300));
            validator.Require(title.Length is > 0 and <= 300, $"{field}.title", Violation.RequiredText(300));
            validator.Require(summary.Length <= 5000, $"{field}.summary", Violation.TextTooLong(5000));
            practices.Add(new GoodPracticeRecord(unit, title, summary));
        }
        return practices;
    }

    private static List<ConferenceTaskInfo> ValidateTasks(RequestValidator validator, Conclusion conclusion, LedConference conference)
    {
        var tasks = new List<ConferenceTaskInfo>();
        validator.Require(conclusion.Tasks.Count is > 0 and <= 200, "conclusion.tasks", Violation.ItemCount("holds 1 to 200 tasks", 1, 200));
        foreach (var (task, i) in conclusion.Tasks.Select((t, i) => (t, i)))
        {
            var field = $"conclusion.tasks[{i}]";
            validator.Require(task.Owners.Count > 0, $"{field}.owners", Violation.Of(ErrorReasons.ItemCountOutOfRange, "names at least one owner body", ("Min", 1)));
            foreach (var (owner, j) in task.Owners.Select((o, j) => (o, j)))
            {
                validator.Require(conference.Required.Any(p => p.Body == owner), $"{field}.owners[{j}]",
                    Violation.Of(ErrorReasons.NotAParticipant, $"'{owner}' is not a body taking part in this conference", ("Value", owner)));
            }
            validator.Require(task.Owners.Distinct().Count() == task.Owners.Count, $"{field}.owners", Violation.Of(ErrorReasons.Duplicate, "names a body twice"));
            var due = validator.Date(task.DueDate, $"{field}.due_date", required: true);
            validator.Require(due is null || due >= conference.Date, $"{field}.due_date", Violation.Of(ErrorReasons.DateTooEarly, "is before the conference", ("Bound", "the conference")));
            var description = VietnameseText.Normalize(task.Description);
            validator.Require(description.Length is > 0 and <= 2000, $"{field}.description", Violation.RequiredText(2000));
            validator.Require(task.LegalBasis.Count is > 0 and <= 20, $"{field}.legal_basis", Violation.ItemCount("names 1 to 20 documents", 1, 20));
            var basis = new List<LegalBasisInfo>();
            foreach (var (document, j) in task.LegalBasis.Select((d, j) => (d, j)))
            {
                var number = VietnameseText.Normalize(document.Number);
                validator.Require(number.Length is > 0 and <= 60, $"{field}.legal_basis[{j}].number", Violation.Of(ErrorReasons.Required, "is required, e.g. 35-CT/TW", ("Example", "35-CT/TW")));
                // A document is cited by its number; its date only where a source gives one (a date from memory is worse than none).
                var date = validator.Date(document.Date, $"{field}.legal_basis[{j}].date", required: false);
                basis.Add(new LegalBasisInfo(number, date, VietnameseText.Normalize(document.Title)));
            }
            tasks.Add(new ConferenceTaskInfo($"{conference.Id}.{i + 1}", [.. task.Owners], due.GetValueOrDefault(), basis, description));
        }
        return tasks;
    }

    private async Task<Conference> ToProtoAsync(LedConference conference, CancellationToken cancellationToken)
    {
        var states = await db.Set<Model.TaskOwnerState>().AsNoTracking().Where(s => s.ConferenceId == conference.Id).ToListAsync(cancellationToken);
        return conference.ToProto(states);
    }

    private async Task<LedConference> FindAsync(string id, string field, bool tracked, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(id.Length is > 0 and <= 100, field, Violation.Required()).ThrowIfInvalid();
        var query = db.Set<LedConference>().Include(c => c.Participants);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException("Conference led by this body", id);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex SlugPattern();
}
