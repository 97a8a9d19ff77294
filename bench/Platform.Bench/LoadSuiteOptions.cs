namespace Platform.Bench;

/// <summary>
/// What a <see cref="LoadSuite"/> starts: commit timestamps tracked (the event benchmark), all seeds (the load test's
/// lists), the gateway, settings (environment variables) added to the services' and the gateway's, and data loaded
/// into the migrated databases before any service starts (the vetting benchmark's personnel files).
/// </summary>
public sealed record LoadSuiteOptions(
    bool TrackCommitTimestamps = false,
    bool SeedAll = false,
    bool WithGateway = false,
    IReadOnlyDictionary<string, string>? Services = null,
    IReadOnlyDictionary<string, string>? Gateway = null,
    bool StatementStatistics = false,
    Func<LoadSuite, Task>? LoadData = null)
{
    public IReadOnlyDictionary<string, string> ServiceSettings => Services ?? new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> GatewaySettings => Gateway ?? new Dictionary<string, string>();

    /// <summary>
    /// One suite for two benchmarks (bench/run.sh --smoke's <see cref="SmokeRun"/>): all that either asks for, its data
    /// loaded after this one's. Two that give one setting different values cannot share a suite.
    /// </summary>
    public LoadSuiteOptions With(LoadSuiteOptions other) => new(
        TrackCommitTimestamps || other.TrackCommitTimestamps,
        SeedAll || other.SeedAll,
        WithGateway || other.WithGateway,
        Union(ServiceSettings, other.ServiceSettings),
        Union(GatewaySettings, other.GatewaySettings),
        StatementStatistics || other.StatementStatistics,
        (LoadData, other.LoadData) switch
        {
            (null, var second) => second,
            (var first, null) => first,
            var (first, second) => async suite =>
            {
                await first(suite);
                await second(suite);
            },
        });

    private static Dictionary<string, string> Union(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var union = first.ToDictionary();
        foreach (var (key, value) in second)
        {
            if (union.TryGetValue(key, out var given) && given != value)
            {
                throw new InvalidOperationException($"one suite cannot have both {key}={given} and {key}={value}");
            }
            union[key] = value;
        }
        return union;
    }
}
