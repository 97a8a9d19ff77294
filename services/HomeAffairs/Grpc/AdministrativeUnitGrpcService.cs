using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using FormerName = Platform.Contracts.IntegrationEvents.FormerName;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.IntegrationEvents;
using Platform.HomeAffairs.V1;
using Platform.Messaging.Outbox;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Vietnamese;
using AdministrativeUnit = Platform.HomeAffairs.Model.AdministrativeUnit;
using Kind = Platform.HomeAffairs.Model.AdministrativeUnitKind;

namespace Platform.HomeAffairs.Grpc;

/// <summary>
/// platform.homeaffairs.v1.AdministrativeUnitService. Each write saves the unit and its
/// <c>AdministrativeUnitChanged</c> event in one transaction (the outbox), so the copies never miss it.
/// Units are never deleted: a merged one is closed with valid_to and names its successor.
/// </summary>
public sealed class AdministrativeUnitGrpcService(HomeAffairsDbContext db, CurrentActor actor, TimeProvider clock)
    : AdministrativeUnitService.AdministrativeUnitServiceBase
{
    private const string ResourceType = "Administrative unit";
    private const int MaxNameLength = 200;
    private static readonly string[] UpdatablePaths = ["name", "kind", "parent_code", "valid_from", "valid_to", "successor_code", "former_names"];

    public override async Task<ListAdministrativeUnitsResponse> ListAdministrativeUnits(
        ListAdministrativeUnitsRequest request, ServerCallContext context)
    {
        var pageRequest = PageRequest.Parse(request.PageSize, request.PageToken);
        var query = db.AdministrativeUnits.AsNoTracking();
        if (request.ParentCode.Length > 0)
        {
            query = query.Where(u => u.ParentCode == request.ParentCode);
        }
        var page = await query.ToPageAsync(u => u.Code, pageRequest, context.CancellationToken);
        var response = new ListAdministrativeUnitsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.AdministrativeUnits.AddRange(page.Items.Select(u => u.ToProto()));
        return response;
    }

    public override async Task<V1.AdministrativeUnit> GetAdministrativeUnit(GetAdministrativeUnitRequest request, ServerCallContext context)
    {
        new RequestValidator().Require(request.Code.Length > 0, "code", Violation.Required()).ThrowIfInvalid();
        var unit = await db.AdministrativeUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == request.Code, context.CancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, request.Code);
        return unit.ToProto();
    }

    public override async Task<V1.AdministrativeUnit> CreateAdministrativeUnit(CreateAdministrativeUnitRequest request, ServerCallContext context)
    {
        var input = request.AdministrativeUnit;
        new RequestValidator().Require(input is not null, "administrative_unit", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var values = await ValidateAsync(validator, input!, context.CancellationToken);
        validator.ThrowIfInvalid();

        if (await db.AdministrativeUnits.AnyAsync(u => u.Code == input!.Code, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException(ResourceType, input!.Code);
        }
        var unit = AdministrativeUnit.Create(input!.Code, values.Name, values.Kind, values.ParentCode, clock.GetUtcNow(),
            values.ValidFrom, values.ValidTo, values.SuccessorCode, values.FormerNames);
        db.AdministrativeUnits.Add(unit);
        db.AddIntegrationEvent(AdministrativeUnitEvents.Changed(unit, actor.Actor));
        await db.SaveChangesAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.AdministrativeUnit> UpdateAdministrativeUnit(UpdateAdministrativeUnitRequest request, ServerCallContext context)
    {
        var input = request.AdministrativeUnit;
        new RequestValidator().Require(input is not null, "administrative_unit", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator().Require(input!.Code.Length > 0, "administrative_unit.code", Violation.Required());
        var etag = Etags.Parse(input.Etag, "administrative_unit.etag", validator);
        validator.ThrowIfInvalid();

        var unit = await db.AdministrativeUnits.SingleOrDefaultAsync(u => u.Code == input.Code, context.CancellationToken)
            ?? throw new ResourceNotFoundException(ResourceType, input.Code);
        Etags.Check(unit.RowVersion, etag, ResourceType, input.Code);
        var merged = unit.ToProto();
        Masks.Merge(paths, input, merged);
        var values = await ValidateAsync(validator, merged, context.CancellationToken);
        validator.ThrowIfInvalid();

        if (unit.Change(values.Name, values.Kind, values.ParentCode, values.ValidFrom, values.ValidTo, values.SuccessorCode, values.FormerNames, clock.GetUtcNow()))
        {
            Etags.ExpectVersion(db, unit, etag);
            db.AddIntegrationEvent(AdministrativeUnitEvents.Changed(unit, actor.Actor));
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return unit.ToProto();
    }

    private sealed record Values(string Name, Kind Kind, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode,
        IReadOnlyList<FormerName> FormerNames);

    /// <summary>Every rule of a unit's fields; each broken one is named.</summary>
    private async Task<Values> ValidateAsync(RequestValidator validator, V1.AdministrativeUnit input, CancellationToken cancellationToken)
    {
        var name = AdministrativeUnit.NormalizeName(input.Name);
        validator.Require(name.Length > 0, "administrative_unit.name", Violation.Required());
        validator.Require(name.Length <= MaxNameLength, "administrative_unit.name", Violation.Of(ErrorReasons.TextTooLong, $"must be at most {MaxNameLength} characters", ("Max", MaxNameLength)));
        var kind = input.Kind.ToDomain();
        validator.Require(kind is not null, "administrative_unit.kind", Violation.Of(ErrorReasons.NotAllowedValue, "must be PROVINCE, CENTRALLY_RUN_CITY, DISTRICT or COMMUNE"));

        // GSO codes: 2 digits for a province, 3 for a district, 5 for a commune.
        var digits = kind switch { Kind.District => 3, Kind.Commune => 5, _ => 2 };
        validator.Require(input.Code.Length == digits && input.Code.All(char.IsAsciiDigit), "administrative_unit.code",
            Violation.Of(ErrorReasons.InvalidFormat, $"must be {digits} digits for this kind of unit"));

        string? parentCode = input.ParentCode.Length == 0 ? null : input.ParentCode;
        if (kind is Kind.Province or Kind.CentrallyRunCity)
        {
            validator.Require(parentCode is null, "administrative_unit.parent_code", Violation.Of(ErrorReasons.Inconsistent, "must be empty for a province or centrally-run city"));
        }
        else if (kind is not null)
        {
            Kind[] parentKinds = kind == Kind.District ? [Kind.Province, Kind.CentrallyRunCity] : [Kind.District];
            var parentKind = parentCode is null ? null
                : await db.AdministrativeUnits.Where(u => u.Code == parentCode).Select(u => (Kind?)u.Kind).SingleOrDefaultAsync(cancellationToken);
            validator.Require(parentKind is not null && parentKinds.Contains(parentKind.Value), "administrative_unit.parent_code",
                Violation.UnknownReference(kind == Kind.District ? "must be the code of a province or centrally-run city" : "must be the code of a district", parentCode ?? ""));
        }

        var validFrom = validator.Date(input.ValidFrom, "administrative_unit.valid_from");
        var validTo = validator.Date(input.ValidTo, "administrative_unit.valid_to");
        validator.Require(validFrom is null || validTo is null || validTo >= validFrom, "administrative_unit.valid_to", Violation.Of(ErrorReasons.DateTooEarly, "is before valid_from", ("Bound", "valid_from")));
        string? successor = input.SuccessorCode.Length == 0 ? null : input.SuccessorCode;
        if (successor is not null)
        {
            var exists = successor != input.Code && await db.AdministrativeUnits.AnyAsync(u => u.Code == successor, cancellationToken);
            validator.Require(exists, "administrative_unit.successor_code", Violation.Of(ErrorReasons.UnknownReference, "must be the code of another existing unit"));
            validator.Require(validTo is not null, "administrative_unit.valid_to", Violation.Required("is required when the unit has a successor (it was merged)"));
        }
        var formerNames = ValidateFormerNames(validator, input, validFrom, validTo);
        return new Values(name, kind ?? default, parentCode, validFrom, validTo, successor, formerNames);
    }

    /// <summary>
    /// Former names: each named and dated, oldest first, one name per last day, within the unit's own validity (a name
    /// ends before the unit does, and not before it began).
    /// </summary>
    private static List<FormerName> ValidateFormerNames(RequestValidator validator, V1.AdministrativeUnit input, DateOnly? validFrom, DateOnly? validTo)
    {
        validator.Require(input.FormerNames.Count <= 20, "administrative_unit.former_names", Violation.Of(ErrorReasons.ItemCountOutOfRange, "holds at most 20 names", ("Max", 20)));
        var names = new List<FormerName>();
        foreach (var (former, i) in input.FormerNames.Select((f, i) => (f, i)))
        {
            var field = $"administrative_unit.former_names[{i}]";
            var name = AdministrativeUnit.NormalizeName(former.Name);
            validator.Require(name.Length is > 0 and <= MaxNameLength, $"{field}.name", Violation.RequiredText(MaxNameLength));
            var until = validator.Date(former.ValidTo, $"{field}.valid_to", required: true);
            if (until is not { } day)
            {
                continue;
            }
            validator.Require(names.Count == 0 || names[^1].ValidTo < day, $"{field}.valid_to",
                Violation.Of(ErrorReasons.DateTooEarly, "must come after the previous former name's (oldest first)", ("Bound", "the previous former name")));
            validator.Require(validFrom is null || day >= validFrom, $"{field}.valid_to", Violation.Of(ErrorReasons.DateTooEarly, "is before valid_from", ("Bound", "valid_from")));
            validator.Require(validTo is null || day < validTo, $"{field}.valid_to", Violation.Of(ErrorReasons.DateTooLate, "must be before valid_to: the unit ends under its current name", ("Bound", "valid_to")));
            names.Add(new FormerName(name, day));
        }
        return names;
    }
}
