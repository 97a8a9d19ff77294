using Grpc.Core;
using Platform.Audit.V1;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.V1;
using Platform.Auditing;

namespace Platform.HomeAffairs.Grpc;

/// <summary>The trail of writes to this body's data.</summary>
public sealed class AuditTrailGrpcService(HomeAffairsDbContext db) : AuditTrailService.AuditTrailServiceBase
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        AuditTrail.ListAsync(db, request, context.CancellationToken);
}
