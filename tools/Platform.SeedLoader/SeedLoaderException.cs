using Grpc.Core;

namespace Platform.SeedLoader;

/// <summary>The loader could not go on: the message says what it was doing and what it found.</summary>
public class SeedLoaderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A body's service answered a call with an error status (its detail names the offending fields).</summary>
public sealed class JointPlanningCallException(string body, string method, RpcException error)
    : SeedLoaderException($"{method} at the {body} service answered {error.StatusCode}: {error.Status.Detail}", error)
{
    public StatusCode StatusCode => error.StatusCode;
}
