using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;
using Platform.DelegateAffairs.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Election = Platform.DelegateAffairs.Model.Election;
using ElectionKind = Platform.DelegateAffairs.V1.ElectionKind;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>platform.delegateaffairs.v1.ElectionService: elections, their legal timeline and their quota report.</summary>
public sealed partial class ElectionGrpcService(DelegateAffairsDbContext db) : ElectionService.ElectionServiceBase
{
    private const string ResourceType = "Election";
    private static readonly string[] UpdatablePaths =
        ["term", "term_start_year", "term_end_year", "election_day", "law_code", "total_seats", "central_seats", "local_seats"];

    public override async Task<ListElectionsResponse> ListElections(ListElectionsRequest request, ServerCallContext context)
    {
        var page = await db.Elections.AsNoTracking()
            .ToPageAsync(e => e.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListElectionsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.Elections.AddRange(page.Items.Select(DelegateAffairsMapping.ToProto));
        return response;
    }

    public override async Task<V1.Election> GetElection(GetElectionRequest request, ServerCallContext context) =>
        (await FindAsync(request.Id, context.CancellationToken)).ToProto();

    public override async Task<V1.Election> CreateElection(CreateElectionRequest request, ServerCallContext context)
    {
        var input = request.Election;
        new RequestValidator().Require(input is not null, "election", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator()
            .Require(IdPattern().IsMatch(input!.Id), "election.id", Violation.Of(ErrorReasons.InvalidFormat, "must be 3 to 60 lower-case letters, digits or dashes, e.g. quoc-hoi-xv", ("Min", 3), ("Max", 60)));
        var values = await ValidateAsync(validator, input, context.CancellationToken);
        validator.ThrowIfInvalid();
        if (await db.Elections.AnyAsync(e => e.Id == input.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException(ResourceType, input.Id);
        }
        var election = new Election { Id = input.Id, Term = "", LawCode = "" };
        values.ApplyTo(election);
        db.Elections.Add(election);
        // The composition targets its term's guidance sets (NQ 1185 for the Assembly, NQ 1187 for the councils of 2021).
        db.QuotaTargets.AddRange(QuotaGuidance.For(election.Id, election.Family, election.TermStartYear));
        await db.SaveChangesAsync(context.CancellationToken);
        return election.ToProto();
    }

    public override async Task<V1.Election> UpdateElection(UpdateElectionRequest request, ServerCallContext context)
    {
        var input = request.Election;
        new RequestValidator().Require(input is not null, "election", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "election.etag", validator);
        validator.ThrowIfInvalid();

        var election = await db.Elections.SingleOrDefaultAsync(e => e.Id == input.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, input.Id);
        Etags.Check(election.RowVersion, etag, ResourceType, election.Id);
        var merged = election.ToProto();
        Masks.Merge(paths, input, merged);
        var values = await ValidateAsync(validator, merged, context.CancellationToken);
        validator.ThrowIfInvalid();
        values.ApplyTo(election);
        Etags.ExpectVersion(db, election, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return election.ToProto();
    }

    public override async Task<ElectionTimeline> GetElectionTimeline(GetElectionTimelineRequest request, ServerCallContext context)
    {
        var election = await FindAsync(request.Id, context.CancellationToken);
        var rules = await db.TimelineRules.AsNoTracking().Where(r => r.LawCode == election.LawCode).ToListAsync(context.CancellationToken);
        var timeline = new ElectionTimeline { ElectionId = election.Id, ElectionDay = election.ElectionDay.ToIso(), LawCode = election.LawCode };
        timeline.Milestones.AddRange(ElectionRules.Timeline(election.ElectionDay, rules).Select(m => new TimelineMilestone
        {
            Key = m.Rule.Key, Title = m.Rule.Title, OffsetDays = m.Rule.OffsetDays, Date = m.Date.ToIso(),
            Source = m.Rule.Source, Inferred = m.Rule.Inferred,
        }));
        return timeline;
    }

    public override async Task<QuotaReport> GetQuotaReport(GetQuotaReportRequest request, ServerCallContext context)
    {
        var election = await FindAsync(request.Id, context.CancellationToken);
        var report = await QuotaReports.ComputeAsync(db, election, context.CancellationToken);
        return report;
    }

    private async Task<Election> FindAsync(string id, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(id.Length > 0, "id", Violation.Required()).ThrowIfInvalid();
        return await db.Elections.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, id);
    }

    /// <summary>Validated values of an election's fields, ready to apply.</summary>
    private sealed record Values(Model.ElectionKind Kind, string Term, int StartYear, int EndYear, DateOnly Day, string LawCode, int Total, int Central, int Local)
    {
        public void ApplyTo(Election e)
        {
            (e.Kind, e.Term, e.TermStartYear, e.TermEndYear, e.ElectionDay, e.LawCode) = (Kind, Term, StartYear, EndYear, Day, LawCode);
            (e.TotalSeats, e.CentralSeats, e.LocalSeats) = (Total, Central, Local);
        }
    }

    private async Task<Values> ValidateAsync(RequestValidator validator, V1.Election input, CancellationToken cancellationToken)
    {
        var kind = DelegateAffairsMapping.ToDomain(input.Kind);
        validator.Require(kind is not null, "election.kind", Violation.Required());
        var term = VietnameseText.Normalize(input.Term);
        validator.Require(term.Length is > 0 and <= 20, "election.term", Violation.RequiredText(20, "XV"));
        validator.Require(input.TermStartYear is >= 1946 and <= 2200, "election.term_start_year", Violation.Of(ErrorReasons.InvalidFormat, "must be a year"));
        validator.Require(input.TermEndYear > input.TermStartYear, "election.term_end_year", Violation.Of(ErrorReasons.DateTooEarly, "must be after term_start_year", ("Bound", "term_start_year")));
        var dayIsValid = IsoDate.TryParse(input.ElectionDay, out var day);
        validator.Require(dayIsValid, "election.election_day", Violation.InvalidDate);
        var lawKnown = await db.ElectionLaws.AnyAsync(l => l.Code == input.LawCode, cancellationToken);
        validator.Require(lawKnown, "election.law_code", Violation.UnknownReference($"'{input.LawCode}' is not a law version with rules here", input.LawCode));
        validator.Require(input.TotalSeats > 0, "election.total_seats", Violation.NumberOutOfRange("must be positive", 1));
        validator.Require(input.CentralSeats >= 0 && input.LocalSeats >= 0 && input.CentralSeats + input.LocalSeats == input.TotalSeats,
            "election.local_seats", Violation.Of(ErrorReasons.Inconsistent, "central_seats and local_seats must add up to total_seats"));
        return new Values(kind ?? default, term, input.TermStartYear, input.TermEndYear, day, input.LawCode,
            input.TotalSeats, input.CentralSeats, input.LocalSeats);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex IdPattern();
}
