using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Inbox;
using Platform.Api.Security;

namespace Platform.ReferenceData;

/// <summary>
/// Applies Home Affairs' <see cref="AdministrativeUnitChanged"/> to this body's copy, a batch at a time (registered
/// with <see cref="IdempotentBatchConsumerDefinition{TConsumer,TMessage}"/>). The inbox drops redeliveries; the revision
/// check drops a state older than the copy (events may overtake each other after a retry, and a batch may hold
/// several states of one unit).
/// </summary>
public abstract class AdministrativeUnitCopyConsumer<TContext>(TContext db, CurrentActor actor, ILogger logger)
    : IdempotentBatchConsumer<AdministrativeUnitChanged, TContext>(db, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(IReadOnlyList<ConsumeContext<AdministrativeUnitChanged>> messages, CancellationToken cancellationToken)
    {
        var codes = messages.Select(m => m.Message.Code).Distinct().ToList();
        var copies = await Db.Set<AdministrativeUnitCopy>().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, cancellationToken);
        foreach (var message in messages.Select(m => m.Message))
        {
            // The copy's audit trail names who changed the original (events from before actors were carried name the
            // replication). Audit rows are written at SaveChanges under the current actor, so the changes made so far
            // are saved before another person's are applied.
            var changedBy = message.ChangedBy ?? CurrentActor.System("replication", PlatformBodies.HomeAffairs);
            if (actor.Actor is not null && actor.Actor != changedBy)
            {
                await Db.SaveChangesAsync(cancellationToken);
            }
            actor.Actor = changedBy;
            Apply(copies, message);
        }
    }

    private void Apply(Dictionary<string, AdministrativeUnitCopy> copies, AdministrativeUnitChanged message)
    {
        if (!copies.TryGetValue(message.Code, out var copy))
        {
            copies[message.Code] = Db.Set<AdministrativeUnitCopy>().Add(new AdministrativeUnitCopy
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
            }).Entity;
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
