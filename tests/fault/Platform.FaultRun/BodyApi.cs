using Google.Protobuf;
using Grpc.Core;

namespace Platform.FaultRun;

/// <summary>
/// A service each body offers identically in its own package (JointPlanningService), called through the gateway as
/// that body's editor: one client for the three, naming the package (the gateway routes by it).
/// </summary>
public sealed class BodyApi(CallInvoker invoker, string body, string service)
{
    public string Body => body;

    public async Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var descriptor = new Method<TRequest, TResponse>(MethodType.Unary, $"platform.{body.Replace("-", "")}.v1.{service}", method,
            Marshallers.Create<TRequest>(m => m.ToByteArray(), _ => throw new NotSupportedException("requests are only sent")),
            Marshallers.Create<TResponse>(_ => throw new NotSupportedException("responses are only received"), parser.ParseFrom));
        return await invoker.AsyncUnaryCall(descriptor, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(15)), request);
    }
}
