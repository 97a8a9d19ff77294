using Google.Protobuf;
using Grpc.Core;

namespace Platform.Testing;

/// <summary>
/// Unary calls by service and method name, the bytes sent and read as they are: as an app calls a name its client
/// package no longer has a class for (the shared services' retired per-body names, which Platform.Contracts 2.0.0
/// dropped and the services still answer), and as the fuzz and authorization tests send requests no typed client would.
/// </summary>
public static class CallsByName
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static AsyncUnaryCall<byte[]> CallAsync(this CallInvoker invoker, string service, string method, byte[] request, CallOptions options = default) =>
        invoker.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes), null, options, request);

    public static async Task<TResponse> CallAsync<TResponse>(this CallInvoker invoker, string service, string method, IMessage request, CallOptions options = default)
        where TResponse : IMessage<TResponse>, new() =>
        new MessageParser<TResponse>(() => new TResponse()).ParseFrom(await invoker.CallAsync(service, method, request.ToByteArray(), options));
}
