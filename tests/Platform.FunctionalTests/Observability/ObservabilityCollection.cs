namespace Platform.FunctionalTests.Observability;

/// <summary>
/// The observability tests run alone, after the others: activity listeners and meters are process-wide, and the
/// figures they read (a gauge of the outbox, a counter of the inbox) must be this test's hosts' alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityCollection
{
    public const string Name = "observability";
}
