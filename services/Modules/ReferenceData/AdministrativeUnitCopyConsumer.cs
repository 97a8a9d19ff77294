using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Inbox;
using Platform.ServiceDefaults.Security;

namespace Platform.ReferenceData;

/// <summary>
/// Applies Home Affairs' <see cref="AdministrativeUnitChanged"/> to this body's copy. The inbox drops
/// redeliveries; the revision check drops a state older than the copy (events may overtake each other
/// after a retry).
/// </summary>
public abstract class AdministrativeUnitCopyConsumer<TContext>(TContext db, CurrentActor actor, ILogger logger)
    : IdempotentConsumer<AdministrativeUnitChanged, TContext>(db, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(AdministrativeUnitChanged message, CancellationToken cancellationToken)
    {
        // The copy's audit trail names who changed the original; events from before actors were carried name the replication.
        actor.Actor = message.ChangedBy ?? CurrentActor.System("replication", PlatformBodies.HomeAffairs);
        var copies = Db.Set<AdministrativeUnitCopy>();
        var copy = await copies.FindAsync([message.Code], cancellationToken);
        if (copy is null)
        {
            copies.Add(new AdministrativeUnitCopy
            {
                Code = message.Code,
                Name = message.Name,
                Kind = message.Kind,
                ParentCode = message.ParentCode,
                ValidFrom = message.ValidFrom,
                ValidTo = message.ValidTo,
                SuccessorCode = message.SuccessorCode,
                FormerNames = message.FormerNames?.ToList() ?? [],
                Revision = message.Revision,
                ReplicatedAt = DateTimeOffset.UtcNow,
            });
            return;
        }
        if (message.Revision <= copy.Revision)
        {
            return;
        }
        copy.Name = message.Name;
        copy.Kind = message.Kind;
        copy.ParentCode = message.ParentCode;
        (copy.ValidFrom, copy.ValidTo, copy.SuccessorCode) = (message.ValidFrom, message.ValidTo, message.SuccessorCode);
        copy.FormerNames = message.FormerNames?.ToList() ?? [];
        copy.Revision = message.Revision;
        copy.ReplicatedAt = DateTimeOffset.UtcNow;
    }
}
