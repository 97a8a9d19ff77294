using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.V1;

namespace Platform.Auditing;

/// <summary>
/// platform.audit.v1.AuditTrailService: the trail of writes to the service's own data (<typeparamref name="TContext"/>);
/// every body's service maps it (and serves it under its retired per-body name too).
/// </summary>
public sealed class AuditTrailGrpcService<TContext>(TContext db) : AuditTrailService.AuditTrailServiceBase
    where TContext : DbContext
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        AuditTrail.ListAsync(db, request, context.CancellationToken);
}
