using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Samples every trace that a request or a message starts, but not an outgoing call (a database command, an HTTP
/// request) that starts one on its own: the outbox relay's polls, the sweeps and the token-key refreshes run every few
/// seconds, and a trace for each would bury the ones people look for. Used as the root sampler under
/// <see cref="ParentBasedSampler"/>, so a call made inside a traced request or message is still recorded.
/// </summary>
public sealed class BackgroundQuerySampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
