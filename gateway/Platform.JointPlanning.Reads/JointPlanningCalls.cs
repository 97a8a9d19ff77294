using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Grpc.Core;

namespace Platform.JointPlanning.Reads;

/// <summary>A service's answer: the message, or the status it answered with instead.</summary>
public sealed record CallResult<T>(T? Value, StatusCode Status) where T : class;

/// <summary>
/// One request's calls to the bodies' services. Each carries the caller's own Authorization header (the services
/// decide access themselves, never on a gateway identity) and a deadline. What did not come back is noted per body,
/// so a down service leaves a gap in the answer rather than failing it.
/// </summary>
public sealed class JointPlanningCalls(
    JointPlanningClients clients, TimeSpan timeout, string? authorization, ILogger<JointPlanningCalls> logger, CancellationToken aborted)
{
    private readonly ConcurrentDictionary<string, string> _missing = new();
    private int _answered;
    private int _refused;
    private int _rejected;

    /// <summary>Some service answered at all (an error status it chose counts; a refused connection or a timeout does not).</summary>
    public bool AnyAnswered => Volatile.Read(ref _answered) > 0;

    /// <summary>Every service that answered refused the caller: the caller may not read any of it.</summary>
    public bool AllRefused => AnyAnswered && Volatile.Read(ref _refused) == Volatile.Read(ref _answered);

    /// <summary>A service found an argument invalid; the gateway checks all but the services' own page tokens.</summary>
    public bool AnyRejected => Volatile.Read(ref _rejected) > 0;

    /// <summary>The bodies whose part is missing and why (the gRPC status), in body order.</summary>
    public IEnumerable<(string Body, string Reason)> Unavailable =>
        JointPlanningBodies.All.Where(_missing.ContainsKey).Select(body => (body, _missing[body]));

    public async Task<CallResult<T>> CallAsync<T>(string body, Func<JointPlanningClient, CallOptions, AsyncUnaryCall<T>> call)
        where T : class
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(authorization))
        {
            headers.Add("authorization", authorization);
        }
        try
        {
            using var pending = call(clients[body], new CallOptions(headers, DateTime.UtcNow + timeout, aborted));
            var value = await pending.ResponseAsync;
            Interlocked.Increment(ref _answered);
            return new CallResult<T>(value, StatusCode.OK);
        }
        catch (RpcException failure)
        {
            var status = failure.StatusCode;
            switch (status)
            {
                case StatusCode.Cancelled when aborted.IsCancellationRequested:
                    throw new OperationCanceledException("The caller went away.", failure, aborted);
                case StatusCode.NotFound:
                    Interlocked.Increment(ref _answered);
                    break;
                case StatusCode.PermissionDenied or StatusCode.Unauthenticated:
                    Interlocked.Increment(ref _answered);
                    Interlocked.Increment(ref _refused);
                    _missing.TryAdd(body, status.ToString());
                    break;
                case StatusCode.InvalidArgument:
                    Interlocked.Increment(ref _answered);
                    Interlocked.Increment(ref _rejected);
                    _missing.TryAdd(body, status.ToString());
                    break;
                default:
                    // Unavailable (refused, unreachable), DeadlineExceeded, Internal…: the detail names internal
                    // addresses, so it goes to the log and the caller sees only the status.
                    logger.LogWarning("{Body}'s joint planning service did not answer: {Status} {Detail}", body, status, failure.Status.Detail);
                    _missing.TryAdd(body, status.ToString());
                    break;
            }
            return new CallResult<T>(null, status);
        }
    }
}
