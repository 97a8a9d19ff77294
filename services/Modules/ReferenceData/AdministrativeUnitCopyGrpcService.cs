using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.ReferenceData.V1;
using Platform.Vietnamese;

namespace Platform.ReferenceData;

/// <summary>
/// platform.referencedata.v1.AdministrativeUnitCopyService: reads the service's own copy of the administrative units
/// (<typeparamref name="TContext"/>); the bodies that keep a copy map it (and serve it under their retired
/// per-body name too).
/// </summary>
public sealed class AdministrativeUnitCopyGrpcService<TContext>(TContext db) : AdministrativeUnitCopyService.AdministrativeUnitCopyServiceBase
    where TContext : DbContext
{
    public override async Task<ListAdministrativeUnitsResponse> ListAdministrativeUnits(ListAdministrativeUnitsRequest request, ServerCallContext context)
    {
        var page = await AdministrativeUnitCopyQueries.ListAsync(db, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListAdministrativeUnitsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.AdministrativeUnits.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<AdministrativeUnit> GetAdministrativeUnit(GetAdministrativeUnitRequest request, ServerCallContext context) =>
        ToProto(await AdministrativeUnitCopyQueries.GetAsync(db, request.Code, context.CancellationToken));

    private static AdministrativeUnit ToProto(AdministrativeUnitCopy copy) => new()
    {
        Code = copy.Code,
        Name = copy.Name,
        Kind = copy.Kind,
        ParentCode = copy.ParentCode ?? "",
        Revision = copy.Revision,
        ReplicateTime = Timestamp.FromDateTimeOffset(copy.ReplicatedAt),
        ValidFrom = copy.ValidFrom?.ToIso() ?? "",
        ValidTo = copy.ValidTo?.ToIso() ?? "",
        SuccessorCode = copy.SuccessorCode ?? "",
        FormerNames = { copy.FormerNames.Select(f => new FormerName { Name = f.Name, ValidTo = f.ValidTo.ToIso() }) },
    };
}
