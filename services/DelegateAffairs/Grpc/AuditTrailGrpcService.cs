using Grpc.Core;
using Platform.Audit.V1;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.V1;
using Platform.Auditing;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>The trail of writes to this body's data.</summary>
public sealed class AuditTrailGrpcService(DelegateAffairsDbContext db) : AuditTrailService.AuditTrailServiceBase
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        AuditTrail.ListAsync(db, request, context.CancellationToken);
}
