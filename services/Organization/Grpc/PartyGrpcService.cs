using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Organization.Infrastructure;
using Platform.Organization.Model;
using Platform.Organization.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using CongressStatus = Platform.Organization.Model.CongressStatus;
using PartyCongress = Platform.Organization.Model.PartyCongress;
using PartyLevel = Platform.Organization.Model.PartyLevel;
using PartyOrganization = Platform.Organization.Model.PartyOrganization;

namespace Platform.Organization.Grpc;

/// <summary>platform.organization.v1.PartyService: Party organizations and their congresses, with the schedule check.</summary>
public sealed partial class PartyGrpcService(OrganizationDbContext db) : PartyService.PartyServiceBase
{
    private static readonly string[] OrganizationPaths = ["name", "parent_id", "province_code"];
    private static readonly string[] CongressPaths = ["planned_date", "actual_date", "status", "delegate_count"];

    public override async Task<ListPartyOrganizationsResponse> ListPartyOrganizations(ListPartyOrganizationsRequest request, ServerCallContext context)
    {
        var query = db.PartyOrganizations.AsNoTracking();
        if (request.ParentId.Length > 0)
        {
            query = query.Where(o => o.ParentId == request.ParentId);
        }
        if (request.Level != V1.PartyLevel.Unspecified)
        {
            var level = (PartyLevel)request.Level;
            query = query.Where(o => o.Level == level);
        }
        var page = await query.ToPageAsync(o => o.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListPartyOrganizationsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.PartyOrganizations.AddRange(page.Items.Select(OrganizationMapping.ToProto));
        return response;
    }

    public override async Task<V1.PartyOrganization> GetPartyOrganization(GetPartyOrganizationRequest request, ServerCallContext context) =>
        (await FindOrganizationAsync(request.Id, tracked: false, context.CancellationToken)).ToProto();

    public override async Task<V1.PartyOrganization> CreatePartyOrganization(CreatePartyOrganizationRequest request, ServerCallContext context)
    {
        var input = request.PartyOrganization;
        new RequestValidator().Require(input is not null, "party_organization", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator()
            .Require(IdPattern().IsMatch(input!.Id), "party_organization.id", Violation.Of(ErrorReasons.InvalidFormat, "must be 3 to 100 lower-case letters, digits or dashes", ("Min", 3), ("Max", 100)));
        var (name, level, parentId, province) = await ValidateAsync(validator, input, context.CancellationToken);
        validator.Require(input.Level == V1.PartyLevel.Unspecified || (PartyLevel)input.Level == level, "party_organization.level",
            Violation.Of(ErrorReasons.Inconsistent, $"follows from the parent: it would be {level}"));
        validator.ThrowIfInvalid();
        if (await db.PartyOrganizations.AnyAsync(o => o.Id == input.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Party organization", input.Id);
        }
        var organization = new PartyOrganization { Id = input.Id, Name = name, Level = level!.Value, ParentId = parentId, ProvinceCode = province };
        db.PartyOrganizations.Add(organization);
        await db.SaveChangesAsync(context.CancellationToken);
        return organization.ToProto();
    }

    public override async Task<V1.PartyOrganization> UpdatePartyOrganization(UpdatePartyOrganizationRequest request, ServerCallContext context)
    {
        var input = request.PartyOrganization;
        new RequestValidator().Require(input is not null, "party_organization", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, OrganizationPaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "party_organization.etag", validator);
        validator.ThrowIfInvalid();
        var organization = await FindOrganizationAsync(input.Id, tracked: true, context.CancellationToken, "party_organization.id");
        Etags.Check(organization.RowVersion, etag, "Party organization", organization.Id);
        var merged = organization.ToProto();
        Masks.Merge(paths, input, merged);
        var (name, level, parentId, province) = await ValidateAsync(validator, merged, context.CancellationToken);
        validator.Require(level == organization.Level, "party_organization.parent_id", Violation.Of(ErrorReasons.Inconsistent, "a new parent must keep the organization's level"));
        validator.Require(parentId != organization.Id, "party_organization.parent_id", Violation.Of(ErrorReasons.Inconsistent, "cannot be the organization itself"));
        validator.ThrowIfInvalid();
        (organization.Name, organization.ParentId, organization.ProvinceCode) = (name, parentId, province);
        Etags.ExpectVersion(db, organization, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return organization.ToProto();
    }

    public override async Task<ListPartyCongressesResponse> ListPartyCongresses(ListPartyCongressesRequest request, ServerCallContext context)
    {
        var query = db.PartyCongresses.AsNoTracking();
        if (request.Term.Length > 0)
        {
            query = query.Where(c => c.Term == request.Term);
        }
        if (request.Level != V1.PartyLevel.Unspecified)
        {
            var level = (PartyLevel)request.Level;
            query = query.Where(c => c.Level == level);
        }
        if (request.LateOnly)
        {
            query = query.Where(c => db.CongressDeadlines.Any(d => d.Term == c.Term && d.Level == c.Level && (c.ActualDate ?? c.PlannedDate) > d.Deadline));
        }
        var page = await query.ToPageAsync(c => c.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var deadlines = await db.CongressDeadlines.AsNoTracking().ToListAsync(context.CancellationToken);
        var response = new ListPartyCongressesResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.PartyCongresses.AddRange(page.Items.Select(c => c.ToProto(deadlines)));
        return response;
    }

    public override async Task<V1.PartyCongress> GetPartyCongress(GetPartyCongressRequest request, ServerCallContext context)
    {
        var congress = await FindCongressAsync(request.Id, tracked: false, context.CancellationToken);
        return congress.ToProto(await db.CongressDeadlines.AsNoTracking().ToListAsync(context.CancellationToken));
    }

    public override async Task<V1.PartyCongress> CreatePartyCongress(CreatePartyCongressRequest request, ServerCallContext context)
    {
        var input = request.PartyCongress;
        new RequestValidator().Require(input is not null, "party_congress", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var organization = await db.PartyOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input!.OrganizationId, context.CancellationToken);
        validator.Require(organization is not null, "party_congress.organization_id", Violation.UnknownReference($"there is no Party organization '{input!.OrganizationId}'", input!.OrganizationId));
        validator.Require(TermPattern().IsMatch(input.Term), "party_congress.term", Violation.Of(ErrorReasons.InvalidFormat, "must be a term such as 2020-2025"));
        var values = ValidateCongress(validator, input, from: CongressStatus.Planned);
        validator.ThrowIfInvalid();
        var id = PartyCongress.IdFor(organization!.Id, input.Term);
        if (await db.PartyCongresses.AnyAsync(c => c.Id == id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Party congress", id);
        }
        var congress = new PartyCongress { Id = id, OrganizationId = organization.Id, Level = organization.Level, Term = input.Term };
        values.ApplyTo(congress);
        db.PartyCongresses.Add(congress);
        await db.SaveChangesAsync(context.CancellationToken);
        return congress.ToProto(await db.CongressDeadlines.AsNoTracking().ToListAsync(context.CancellationToken));
    }

    public override async Task<V1.PartyCongress> UpdatePartyCongress(UpdatePartyCongressRequest request, ServerCallContext context)
    {
        var input = request.PartyCongress;
        new RequestValidator().Require(input is not null, "party_congress", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, CongressPaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "party_congress.etag", validator);
        validator.ThrowIfInvalid();
        var congress = await FindCongressAsync(input.Id, tracked: true, context.CancellationToken, "party_congress.id");
        Etags.Check(congress.RowVersion, etag, "Party congress", congress.Id);
        var deadlines = await db.CongressDeadlines.AsNoTracking().ToListAsync(context.CancellationToken);
        var merged = congress.ToProto(deadlines);
        Masks.Merge(paths, input, merged);
        var values = ValidateCongress(validator, merged, from: congress.Status);
        validator.ThrowIfInvalid();
        values.ApplyTo(congress);
        Etags.ExpectVersion(db, congress, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return congress.ToProto(deadlines);
    }

    private sealed record CongressValues(DateOnly Planned, DateOnly? Actual, CongressStatus Status, int Delegates)
    {
        public void ApplyTo(PartyCongress c) => (c.PlannedDate, c.ActualDate, c.Status, c.DelegateCount) = (Planned, Actual, Status, Delegates);
    }

    private static CongressValues ValidateCongress(RequestValidator validator, V1.PartyCongress input, CongressStatus from)
    {
        var plannedValid = IsoDate.TryParse(input.PlannedDate, out var planned);
        validator.Require(plannedValid, "party_congress.planned_date", Violation.InvalidDate);
        DateOnly? actual = null;
        if (input.ActualDate.Length > 0)
        {
            validator.Require(IsoDate.TryParse(input.ActualDate, out var held), "party_congress.actual_date", Violation.InvalidDate);
            actual = held;
        }
        var status = input.Status == V1.CongressStatus.Unspecified ? CongressStatus.Planned : (CongressStatus)input.Status;
        validator.Require(Enum.IsDefined(status), "party_congress.status", Violation.Of(ErrorReasons.NotAllowedValue, "is not a congress status"));
        if (validator.IsValid && CongressSchedule.RefuseTransition(from, status, actual) is { } refusal)
        {
            validator.Require(false, "party_congress.status", Violation.Of(ErrorReasons.Inconsistent, refusal));
        }
        validator.Require(input.DelegateCount >= 0, "party_congress.delegate_count", Violation.NumberOutOfRange("must not be negative", 0));
        return new CongressValues(planned, actual, status, input.DelegateCount);
    }

    private async Task<(string Name, PartyLevel? Level, string? ParentId, string? Province)> ValidateAsync(
        RequestValidator validator, V1.PartyOrganization input, CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(input.Name);
        validator.Require(name.Length is > 0 and <= 200, "party_organization.name", Violation.RequiredText(200));
        PartyLevel? parentLevel = null;
        if (input.ParentId.Length > 0)
        {
            var parent = await db.PartyOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.ParentId, cancellationToken);
            validator.Require(parent is not null, "party_organization.parent_id", Violation.UnknownReference($"there is no Party organization '{input.ParentId}'", input.ParentId));
            parentLevel = parent?.Level;
        }
        var level = PartyOrganization.LevelUnder(parentLevel);
        validator.Require(level is not null, "party_organization.parent_id", Violation.Of(ErrorReasons.Inconsistent, "nothing is under a grassroots organization"));
        if (input.ProvinceCode.Length > 0)
        {
            var known = await db.AdministrativeUnits.AnyAsync(u => u.Code == input.ProvinceCode && u.ParentCode == null, cancellationToken);
            validator.Require(known, "party_organization.province_code", Violation.UnknownReference($"'{input.ProvinceCode}' is not a province code", input.ProvinceCode));
        }
        return (name, level, input.ParentId.Length > 0 ? input.ParentId : null, input.ProvinceCode.Length > 0 ? input.ProvinceCode : null);
    }

    /// <summary><paramref name="field"/>: the request's field the id came from, named when it is missing.</summary>
    private async Task<PartyOrganization> FindOrganizationAsync(string id, bool tracked, CancellationToken cancellationToken, string field = "id")
    {
        new RequestValidator().Require(id.Length > 0, field, Violation.Required()).ThrowIfInvalid();
        var query = tracked ? db.PartyOrganizations : db.PartyOrganizations.AsNoTracking();
        return await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Party organization", id);
    }

    /// <summary><paramref name="field"/>: the request's field the id came from, named when it is missing.</summary>
    private async Task<PartyCongress> FindCongressAsync(string id, bool tracked, CancellationToken cancellationToken, string field = "id")
    {
        new RequestValidator().Require(id.Length > 0, field, Violation.Required()).ThrowIfInvalid();
        var query = tracked ? db.PartyCongresses : db.PartyCongresses.AsNoTracking();
        return await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Party congress", id);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(19|20)[0-9]{2}-(19|20)[0-9]{2}$")]
    private static partial Regex TermPattern();
}
