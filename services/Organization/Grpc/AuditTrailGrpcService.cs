using Grpc.Core;
using Platform.Audit.V1;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.Auditing;

namespace Platform.Organization.Grpc;

/// <summary>The trail of writes to this body's data.</summary>
public sealed class AuditTrailGrpcService(OrganizationDbContext db) : AuditTrailService.AuditTrailServiceBase
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        AuditTrail.ListAsync(db, request, context.CancellationToken);
}
