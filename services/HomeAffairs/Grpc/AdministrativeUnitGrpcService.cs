using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.IntegrationEvents;
using Platform.HomeAffairs.Model;
using Platform.HomeAffairs.V1;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Security;
using AdministrativeUnit = Platform.HomeAffairs.Model.AdministrativeUnit;
using AdministrativeUnitKind = Platform.HomeAffairs.Model.AdministrativeUnitKind;

namespace Platform.HomeAffairs.Grpc;

/// <summary>
/// platform.homeaffairs.v1.AdministrativeUnitService. Each write saves the unit and its
/// <c>AdministrativeUnitChanged</c> event in one transaction (the outbox), so the copies never miss it.
/// </summary>
public sealed partial class AdministrativeUnitGrpcService(HomeAffairsDbContext db, CurrentActor actor, TimeProvider clock)
    : AdministrativeUnitService.AdministrativeUnitServiceBase
{
    private const string ResourceType = "Administrative unit";
    private const int MaxNameLength = 200;
    private static readonly string[] UpdatablePaths = ["name", "kind", "parent_code"];

    public override async Task<ListAdministrativeUnitsResponse> ListAdministrativeUnits(
        ListAdministrativeUnitsRequest request, ServerCallContext context)
    {
        var pageRequest = PageRequest.Parse(request.PageSize, request.PageToken);
        var page = await db.AdministrativeUnits.AsNoTracking().ToPageAsync(u => u.Code, pageRequest, context.CancellationToken);
        var response = new ListAdministrativeUnitsResponse { NextPageToken = page.NextPageToken };
        response.AdministrativeUnits.AddRange(page.Items.Select(u => u.ToProto()));
        return response;
    }

    public override async Task<V1.AdministrativeUnit> GetAdministrativeUnit(GetAdministrativeUnitRequest request, ServerCallContext context)
    {
        new RequestValidator().Require(request.Code.Length > 0, "code", "is required").ThrowIfInvalid();
        var unit = await db.AdministrativeUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == request.Code, context.CancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, request.Code);
        return unit.ToProto();
    }

    public override async Task<V1.AdministrativeUnit> CreateAdministrativeUnit(CreateAdministrativeUnitRequest request, ServerCallContext context)
    {
        var input = request.AdministrativeUnit;
        var validator = new RequestValidator().Require(input is not null, "administrative_unit", "is required");
        validator.ThrowIfInvalid();
        validator.Require(CodePattern().IsMatch(input!.Code), "administrative_unit.code", "must be 2 to 5 digits");
        ValidateValues(validator, input.Name, input.Kind, input.ParentCode);
        validator.ThrowIfInvalid();

        if (await db.AdministrativeUnits.AnyAsync(u => u.Code == input.Code, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException(ResourceType, input.Code);
        }
        var unit = AdministrativeUnit.Create(input.Code, input.Name, input.Kind.ToDomain()!.Value, NullIfEmpty(input.ParentCode), clock.GetUtcNow());
        db.AdministrativeUnits.Add(unit);
        db.AddIntegrationEvent(AdministrativeUnitEvents.Changed(unit, actor.Actor));
        await db.SaveChangesAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.AdministrativeUnit> UpdateAdministrativeUnit(UpdateAdministrativeUnitRequest request, ServerCallContext context)
    {
        var input = request.AdministrativeUnit;
        var validator = new RequestValidator().Require(input is not null, "administrative_unit", "is required");
        validator.ThrowIfInvalid();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToArray() : UpdatablePaths;
        foreach (var path in paths.Except(UpdatablePaths))
        {
            validator.Require(false, "update_mask", $"'{path}' cannot be updated; updatable fields: {string.Join(", ", UpdatablePaths)}");
        }
        validator.Require(input!.Code.Length > 0, "administrative_unit.code", "is required");
        validator.Require(input.Etag.Length > 0, "administrative_unit.etag", "is required: read the unit and send its etag back");
        var etagIsValid = AdministrativeUnitMapping.TryParseEtag(input.Etag, out var etag);
        validator.Require(input.Etag.Length == 0 || etagIsValid, "administrative_unit.etag", "is not an etag this API returned");
        validator.ThrowIfInvalid();

        var unit = await db.AdministrativeUnits.SingleOrDefaultAsync(u => u.Code == input.Code, context.CancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, input.Code);
        if (unit.RowVersion != etag)
        {
            throw new ConcurrencyConflictException(ResourceType, input.Code);
        }
        var name = paths.Contains("name") ? input.Name : unit.Name;
        var kind = paths.Contains("kind") ? input.Kind : unit.Kind.ToProto();
        var parentCode = paths.Contains("parent_code") ? input.ParentCode : unit.ParentCode ?? "";
        ValidateValues(validator, name, kind, parentCode);
        validator.ThrowIfInvalid();

        if (unit.Change(name, kind.ToDomain()!.Value, NullIfEmpty(parentCode), clock.GetUtcNow()))
        {
            // Also guard the UPDATE itself: a writer that committed since our read makes it affect no row → Aborted.
            db.Entry(unit).Property(u => u.RowVersion).OriginalValue = etag;
            db.AddIntegrationEvent(AdministrativeUnitEvents.Changed(unit, actor.Actor));
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return unit.ToProto();
    }

    private static void ValidateValues(RequestValidator validator, string name, V1.AdministrativeUnitKind kind, string parentCode)
    {
        var normalized = AdministrativeUnit.NormalizeName(name);
        validator.Require(normalized.Length > 0, "administrative_unit.name", "is required");
        validator.Require(normalized.Length <= MaxNameLength, "administrative_unit.name", $"must be at most {MaxNameLength} characters");
        var domainKind = kind.ToDomain();
        validator.Require(domainKind is not null, "administrative_unit.kind", "must be PROVINCE or CENTRALLY_RUN_CITY");
        // Provinces and centrally-run cities are the top level; districts and communes will have parents.
        validator.Require(parentCode.Length == 0, "administrative_unit.parent_code",
            "must be empty for a province or centrally-run city");
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex("^[0-9]{2,5}$")]
    private static partial Regex CodePattern();
}
