using MassTransit;

namespace Platform.Messaging.Validation;

/// <summary>
/// Checks every consumed integration event at the boundary (<see cref="IntegrationEventChecks"/>), before any
/// consumer or inbox sees it: a malformed one must not be half applied (a missing field read as null or zero).
/// </summary>
public sealed class IntegrationEventValidationFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var problems = IntegrationEventChecks.Problems(context.Message);
        if (problems.Count > 0)
        {
            throw new InvalidIntegrationEventException(typeof(T).Name, problems);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("integration-event-validation");
}
