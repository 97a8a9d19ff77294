using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MethodDescriptor = Google.Protobuf.Reflection.MethodDescriptor;

namespace Platform.Api.Versions;

/// <summary>
/// Serves a shared service's implementation under one of its retired per-body names too (RetiredServiceNames): the
/// paths "/platform.organization.v1.JointPlanningService/…" reach the same methods as
/// "/platform.jointplanning.v1.JointPlanningService/…", with the same messages, so apps built on Platform.Contracts 1.x
/// are answered unchanged without an adapter class per body. gRPC only: the shared definition's JSON routes
/// ("/api/*/v1/…") already answer the old JSON paths.
/// </summary>
public sealed class RetiredServiceName<TService>(string name) : IServiceMethodProvider<TService>
    where TService : class
{
    private static readonly MethodInfo AddUnaryMethod = typeof(RetiredServiceName<TService>)
        .GetMethod(nameof(AddUnary), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (!RetiredServiceNames.Shared.TryGetValue(name, out var shared))
        {
            throw new InvalidOperationException($"{name} is not a retired service name (RetiredServiceNames).");
        }
        foreach (var method in shared.Methods)
        {
            if (method.IsClientStreaming || method.IsServerStreaming)
            {
                throw new NotSupportedException($"{method.FullName}: only unary methods are served under a retired name.");
            }
            var implementation = typeof(TService).GetMethod(method.Name, [method.InputType.ClrType, typeof(ServerCallContext)])
                ?? throw new InvalidOperationException($"{typeof(TService).Name} does not implement {method.FullName}, which {name} answers.");
            AddUnaryMethod.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType).Invoke(this, [context, method, implementation]);
        }
    }

    private void AddUnary<TRequest, TResponse>(ServiceMethodProviderContext<TService> context, MethodDescriptor descriptor, MethodInfo implementation)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, name, descriptor.Name, Marshaller<TRequest>(), Marshaller<TResponse>());
        context.AddUnaryMethod(method, [], implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());
    }

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}

public static class RetiredServiceNameExtensions
{
    /// <summary>
    /// <typeparamref name="TService"/>, mapped with MapGrpcService, answers under the retired name <paramref name="name"/> too.
    /// </summary>
    public static IServiceCollection AddRetiredServiceName<TService>(this IServiceCollection services, string name)
        where TService : class =>
        services.AddSingleton<IServiceMethodProvider<TService>>(new RetiredServiceName<TService>(name));
}
