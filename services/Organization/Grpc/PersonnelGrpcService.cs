using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Organization.Infrastructure;
using Platform.Organization.Model;
using Platform.Organization.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Nominee = Platform.Organization.Model.Nominee;
using PersonnelPlan = Platform.Organization.Model.PersonnelPlan;

namespace Platform.Organization.Grpc;

/// <summary>platform.organization.v1.PersonnelService: personnel plans for Party committees and their structure report.</summary>
public sealed class PersonnelGrpcService(OrganizationDbContext db, TimeProvider clock) : PersonnelService.PersonnelServiceBase
{
    private static readonly string[] UpdatablePaths = ["planned_size", "reference_date", "nominees"];

    public override async Task<ListPersonnelPlansResponse> ListPersonnelPlans(ListPersonnelPlansRequest request, ServerCallContext context)
    {
        var query = db.PersonnelPlans.AsNoTracking();
        if (request.Term.Length > 0)
        {
            query = query.Where(p => p.Term == request.Term);
        }
        var page = await query.ToPageAsync(p => p.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListPersonnelPlansResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.PersonnelPlans.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<V1.PersonnelPlan> GetPersonnelPlan(GetPersonnelPlanRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Id, tracked: false, context.CancellationToken));

    public override async Task<V1.PersonnelPlan> CreatePersonnelPlan(CreatePersonnelPlanRequest request, ServerCallContext context)
    {
        var input = request.PersonnelPlan;
        new RequestValidator().Require(input is not null, "personnel_plan", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var organization = await db.PartyOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input!.OrganizationId, context.CancellationToken);
        validator.Require(organization is not null, "personnel_plan.organization_id", Violation.UnknownReference($"there is no Party organization '{input!.OrganizationId}'", input!.OrganizationId));
        validator.Require(input.Term.Length > 0, "personnel_plan.term", Violation.Of(ErrorReasons.Required, "is required, e.g. 2020-2025", ("Example", "2020-2025")));
        var (size, referenceDate, nominees) = Validate(validator, input);
        validator.ThrowIfInvalid();
        var id = Model.PartyCongress.IdFor(organization!.Id, input.Term);
        if (await db.PersonnelPlans.AnyAsync(p => p.Id == id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Personnel plan", id);
        }
        var plan = new PersonnelPlan
        {
            Id = id, OrganizationId = organization.Id, Level = organization.Level, Term = input.Term,
            PlannedSize = size, ReferenceDate = referenceDate, Nominees = nominees,
        };
        db.PersonnelPlans.Add(plan);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(plan);
    }

    public override async Task<V1.PersonnelPlan> UpdatePersonnelPlan(UpdatePersonnelPlanRequest request, ServerCallContext context)
    {
        var input = request.PersonnelPlan;
        new RequestValidator().Require(input is not null, "personnel_plan", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "personnel_plan.etag", validator);
        validator.ThrowIfInvalid();
        var plan = await FindAsync(input.Id, tracked: true, context.CancellationToken, "personnel_plan.id");
        Etags.Check(plan.RowVersion, etag, "Personnel plan", plan.Id);
        var merged = ToProto(plan);
        Masks.Merge(paths, input, merged);
        var (size, referenceDate, nominees) = Validate(validator, merged);
        validator.ThrowIfInvalid();
        (plan.PlannedSize, plan.ReferenceDate, plan.Nominees) = (size, referenceDate, nominees);
        Etags.ExpectVersion(db, plan, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(plan);
    }

    public override async Task<StructureReport> GetStructureReport(GetStructureReportRequest request, ServerCallContext context)
    {
        var plan = await FindAsync(request.Id, tracked: false, context.CancellationToken);
        var targets = await db.StructureTargets.AsNoTracking().Where(t => t.Term == plan.Term).ToListAsync(context.CancellationToken);
        var cutoffs = await db.AgeCutoffs.AsNoTracking().Where(c => c.Term == plan.Term).ToListAsync(context.CancellationToken);
        var report = new StructureReport { PlanId = plan.Id, PlannedSize = plan.PlannedSize, NomineeCount = plan.Nominees.Count };
        report.Lines.AddRange(StructureRules.Lines(plan.Nominees, plan.ReferenceDate, targets).Select(l => new StructureLine
        {
            Criterion = l.Criterion, Count = l.Count, ActualPercent = (double)l.ActualPercent, Target = l.Target, Met = l.Met, Source = l.Source,
        }));
        report.AgeChecks.AddRange(StructureRules.AgeChecks(plan.Nominees, plan.Level, cutoffs).Select(c => new NomineeAgeCheck
        {
            FullName = c.Nominee.FullName, BirthDate = c.Nominee.BirthDate.ToIso(), BornFrom = c.Cutoff?.BornFrom.ToIso() ?? "",
            Passes = c.Passes, Source = c.Cutoff?.Source ?? "",
        }));
        return report;
    }

    private (int Size, DateOnly ReferenceDate, List<Nominee> Nominees) Validate(RequestValidator validator, V1.PersonnelPlan input)
    {
        validator.Require(input.PlannedSize is > 0 and <= 200, "personnel_plan.planned_size", Violation.NumberOutOfRange("must be 1 to 200 members", 1, 200));
        var referenceValid = IsoDate.TryParse(input.ReferenceDate, out var referenceDate);
        validator.Require(referenceValid, "personnel_plan.reference_date", Violation.InvalidDate);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var nominees = input.Nominees.Select((n, i) =>
        {
            var field = $"personnel_plan.nominees[{i}]";
            var name = VietnameseText.Normalize(n.FullName);
            validator.Require(name.Length is > 0 and <= 100, $"{field}.full_name", Violation.Required());
            var birthValid = IsoDate.TryParse(n.BirthDate, out var birth);
            validator.Require(birthValid && birth <= today, $"{field}.birth_date", Violation.Of(ErrorReasons.InvalidDate, "must be a past date YYYY-MM-DD"));
            validator.Require(n.Sex is "male" or "female", $"{field}.sex", Violation.Of(ErrorReasons.NotAllowedValue, "must be male or female"));
            return new Nominee(name, birth, n.Sex, n.FirstTime);
        }).ToList();
        return (input.PlannedSize, referenceDate, nominees);
    }

    /// <summary><paramref name="field"/>: the request's field the id came from, named when it is missing.</summary>
    private async Task<PersonnelPlan> FindAsync(string id, bool tracked, CancellationToken cancellationToken, string field = "id")
    {
        new RequestValidator().Require(id.Length > 0, field, Violation.Required()).ThrowIfInvalid();
        var query = tracked ? db.PersonnelPlans : db.PersonnelPlans.AsNoTracking();
        return await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Personnel plan", id);
    }

    private static V1.PersonnelPlan ToProto(PersonnelPlan p)
    {
        var proto = new V1.PersonnelPlan
        {
            Id = p.Id, OrganizationId = p.OrganizationId, Term = p.Term, PlannedSize = p.PlannedSize,
            ReferenceDate = p.ReferenceDate.ToIso(), Etag = Etags.Of(p.RowVersion),
        };
        proto.Nominees.AddRange(p.Nominees.Select(n => new V1.Nominee { FullName = n.FullName, BirthDate = n.BirthDate.ToIso(), Sex = n.Sex, FirstTime = n.FirstTime }));
        return proto;
    }
}
