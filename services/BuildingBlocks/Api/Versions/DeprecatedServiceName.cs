using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MethodDescriptor = Google.Protobuf.Reflection.MethodDescriptor;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.Api.Versions;

/// <summary>
/// Serves a shared service's implementation under the name of a deprecated per-body copy of its definition too
/// (platform.organization.v1.JointPlanningService beside platform.jointplanning.v1.JointPlanningService): the copy
/// declares the same methods over messages of the same wire form, so its callers are answered unchanged without an
/// adapter class per body. Its access rules are the copy's own (read from its descriptor by path, as for any RPC).
/// gRPC only: the shared definition's JSON routes ("/api/*/v1/…") already answer the copy's paths.
/// </summary>
public sealed class DeprecatedServiceName<TService>(ServiceDescriptor deprecated) : IServiceMethodProvider<TService>
    where TService : class
{
    private static readonly MethodInfo AddUnaryMethod = typeof(DeprecatedServiceName<TService>)
        .GetMethod(nameof(AddUnary), BindingFlags.NonPublic | BindingFlags.Static)!;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        foreach (var method in deprecated.Methods)
        {
            if (method.IsClientStreaming || method.IsServerStreaming)
            {
                throw new NotSupportedException($"{method.FullName}: only unary methods are served under a deprecated name.");
            }
            // The implementation takes the shared definition's messages; the copy's may be other classes of the
            // same wire form, so the bytes are read as the implementation's types.
            var implementation = typeof(TService).GetMethods()
                .SingleOrDefault(m => m.Name == method.Name && m.GetParameters() is [var request, { ParameterType: var call }]
                    && call == typeof(ServerCallContext) && typeof(IMessage).IsAssignableFrom(request.ParameterType))
                ?? throw new InvalidOperationException($"{typeof(TService).Name} implements no {method.Name}, which {deprecated.FullName} declares.");
            var requestType = implementation.GetParameters()[0].ParameterType;
            var responseType = implementation.ReturnType.GetGenericArguments().Single();
            if (requestType.FullName != method.InputType.ClrType.FullName && !SameWireForm(requestType, method.InputType)
                || responseType.FullName != method.OutputType.ClrType.FullName && !SameWireForm(responseType, method.OutputType))
            {
                throw new InvalidOperationException($"{deprecated.FullName}.{method.Name} and {typeof(TService).Name}.{method.Name} take other messages.");
            }
            AddUnaryMethod.MakeGenericMethod(requestType, responseType).Invoke(null, [context, deprecated.FullName, method, implementation]);
        }
    }

    private static void AddUnary<TRequest, TResponse>(ServiceMethodProviderContext<TService> context, string serviceName,
        MethodDescriptor descriptor, MethodInfo implementation)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, serviceName, descriptor.Name, Marshaller<TRequest>(), Marshaller<TResponse>());
        context.AddUnaryMethod(method, [], implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());
    }

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }

    /// <summary>Same field numbers and types, by name: enough for bytes of one to read as the other.</summary>
    private static bool SameWireForm(Type clrType, Google.Protobuf.Reflection.MessageDescriptor other)
    {
        var mine = ((IMessage)Activator.CreateInstance(clrType)!).Descriptor;
        return mine.Fields.InFieldNumberOrder().Select(f => (f.FieldNumber, f.FieldType, f.IsRepeated))
            .SequenceEqual(other.Fields.InFieldNumberOrder().Select(f => (f.FieldNumber, f.FieldType, f.IsRepeated)));
    }
}

public static class DeprecatedServiceNameExtensions
{
    /// <summary>
    /// <typeparamref name="TService"/>, mapped with MapGrpcService, answers under <paramref name="deprecated"/>'s name too.
    /// </summary>
    public static IServiceCollection AddDeprecatedServiceName<TService>(this IServiceCollection services, ServiceDescriptor deprecated)
        where TService : class =>
        services.AddSingleton<IServiceMethodProvider<TService>>(new DeprecatedServiceName<TService>(deprecated));
}
