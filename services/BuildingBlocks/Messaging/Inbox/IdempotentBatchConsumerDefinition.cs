using MassTransit;
using MassTransit.Configuration;
using Platform.Messaging.Validation;

namespace Platform.Messaging.Inbox;

/// <summary>
/// How a batch consumer is received: up to <see cref="MessageLimit"/> messages or <see cref="TimeLimit"/> after the
/// first, <see cref="ConcurrencyLimit"/> batches at once; and the boundary check on each message before it is
/// collected. (The bus's <see cref="IntegrationEventValidationFilter{T}"/> otherwise sees only the batch, so a malformed
/// event would reach the effect, and fault the valid ones batched with it.) The queue keeps the consumer's name.
/// </summary>
public sealed class IdempotentBatchConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<Batch<TMessage>>
    where TMessage : class
{
    /// <summary>At most this many messages in a batch.</summary>
    public const int MessageLimit = 100;

    /// <summary>Batches applied at once by one replica, each in its own transaction.</summary>
    public const int ConcurrencyLimit = 2;

    /// <summary>How long a batch waits for more after its first message: at a trickle an event waits this long; under load batches fill first.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new IntegrationEventValidationFilter<TMessage>()));
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(ConcurrencyLimit));
    }
}
