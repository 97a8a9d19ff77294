using Grpc.Core;

namespace Platform.FaultRun;

/// <summary>
/// The workload's calls, each through the next gateway in turn, and each failure told to <see cref="RunStats"/>:
/// a call the platform failed (unavailable, internal, timed out) rather than answered with a clear refusal.
/// </summary>
public sealed class GatewayInvoker(IReadOnlyList<CallInvoker> gateways, RunStats stats) : CallInvoker
{
    /// <summary>The platform's answers about the request itself: a write refused this way was not applied, clearly.</summary>
    private static readonly HashSet<StatusCode> Answers =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.OutOfRange,
    ];

    private int _next;

    public static bool IsFailure(StatusCode status) => !Answers.Contains(status);

    private CallInvoker Next() => gateways[(int)((uint)Interlocked.Increment(ref _next) % gateways.Count)];

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = Next().AsyncUnaryCall(method, host, options, request);
        return new AsyncUnaryCall<TResponse>(ObserveAsync(call.ResponseAsync, method.FullName), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> ObserveAsync<TResponse>(Task<TResponse> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException error) when (IsFailure(error.StatusCode))
        {
            stats.CallFailed($"{method}: {error.StatusCode} {error.Status.Detail}");
            throw;
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The workload calls asynchronously.");

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The workload makes unary calls only.");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("The workload makes unary calls only.");

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("The workload makes unary calls only.");
}
