using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.JointPlanning.Reads;

/// <summary>
/// Makes one request's <see cref="JointPlanningCalls"/> with the caller's own credentials: the JSON API's caller
/// sends its Authorization header, a person on the screens has an access token in the cookie session.
/// </summary>
public sealed class JointPlanningCallsFactory(
    JointPlanningClients clients, IOptions<JointPlanningOptions> options, ILogger<JointPlanningCalls> logger)
{
    /// <param name="authorization">The Authorization header value the calls carry, e.g. "Bearer eyJ…".</param>
    public JointPlanningCalls Create(string? authorization, CancellationToken aborted) =>
        new(clients, options.Value.CallTimeout, authorization, logger, aborted);
}
