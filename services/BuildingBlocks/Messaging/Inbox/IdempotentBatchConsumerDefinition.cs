using MassTransit;
using MassTransit.Configuration;
using Platform.Messaging.Validation;

namespace Platform.Messaging.Inbox;

/// <summary>
/// How a batch consumer is received: up to <see cref="InboxOptions.BatchMessageLimit"/> messages or
/// <see cref="InboxOptions.BatchTimeLimit"/> after the first, <see cref="InboxOptions.BatchConcurrencyLimit"/> batches at
/// once (Messaging__Inbox__Batch*); and the boundary check on each message before it is collected. (The bus's
/// <see cref="IntegrationEventValidationFilter{T}"/> otherwise sees only the batch, so a malformed event would reach the
/// effect, and fault the valid ones batched with it.) The queue keeps the consumer's name.
/// </summary>
public sealed class IdempotentBatchConsumerDefinition<TConsumer, TMessage>(InboxOptions options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<Batch<TMessage>>
    where TMessage : class
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new IntegrationEventValidationFilter<TMessage>()));
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.BatchMessageLimit).SetTimeLimit(options.BatchTimeLimit).SetConcurrencyLimit(options.BatchConcurrencyLimit));
    }
}
