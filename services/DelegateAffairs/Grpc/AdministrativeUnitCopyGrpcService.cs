using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.V1;
using Platform.ReferenceData;
using Platform.Vietnamese;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>platform.delegateaffairs.v1.AdministrativeUnitCopyService: reads this body's copy of the administrative units.</summary>
public sealed class AdministrativeUnitCopyGrpcService(DelegateAffairsDbContext db) : AdministrativeUnitCopyService.AdministrativeUnitCopyServiceBase
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
