using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Infrastructure;
using Platform.Messaging.Inbox;
using Platform.Api.Security;

namespace Platform.DelegateAffairs.IntegrationEvents;

/// <summary>
/// Takes the Organization's and Home Affairs' vetting answers (queue "delegate-affairs-vetting-answered"), a
/// batch at a time: one read of the vettings concerned, each answer kept if newer, the outcomes recomputed.
/// </summary>
public sealed class VettingAnsweredConsumer(
    DelegateAffairsDbContext db, VettingProcess process, CurrentActor actor, ILogger<VettingAnsweredConsumer> logger)
    : IdempotentConsumer<VettingAnswered, DelegateAffairsDbContext>(db, logger)
{
    protected override Task HandleAsync(VettingAnswered message, CancellationToken cancellationToken)
    {
        actor.Actor = message.AnsweredBy;
        return process.TakeAnswersAsync(message, cancellationToken);
    }
}
