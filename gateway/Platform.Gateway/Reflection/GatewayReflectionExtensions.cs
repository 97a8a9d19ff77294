using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Reflection;
using Platform.Gateway.ApiDocs;
using Platform.Gateway.Extensions;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Reflection;

/// <summary>
/// gRPC server reflection on the gateway's h2c port, for tools such as grpcurl: one listing of the three bodies'
/// services (the services behind the gateway each answer only for their own), built from the contracts'
/// descriptors and limited to the services the gateway actually routes. Like every route, it needs a valid token.
/// </summary>
public static class GatewayReflectionExtensions
{
    public static WebApplicationBuilder AddGatewayReflection(this WebApplicationBuilder builder)
    {
        // Calls to any other service are not the gateway's to answer (no "unimplemented" catch-all): YARP routes them.
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        // Both protocol versions: grpcurl and newer tools ask v1, older ones v1alpha.
        builder.Services.AddSingleton(provider => new ReflectionV1ServiceImpl(RoutedServices(provider)));
        builder.Services.AddSingleton(provider => new ReflectionServiceImpl(RoutedServices(provider)));
        return builder;
    }

    public static WebApplication MapGatewayReflection(this WebApplication app)
    {
        app.MapGrpcService<ReflectionV1ServiceImpl>().RequireAuthorization().RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy);
        app.MapGrpcService<ReflectionServiceImpl>().RequireAuthorization().RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy);
        return app;
    }

    /// <summary>
    /// The contracts' services whose package a gRPC route of the proxy matches ("/platform.homeaffairs.{service}/{method}"),
    /// so that reflection never lists a service a call could not reach.
    /// </summary>
    private static IEnumerable<ServiceDescriptor> RoutedServices(IServiceProvider provider)
    {
        var prefixes = provider.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes
            .Select(route => route.Match.Path)
            .Where(path => path is not null && path.EndsWith(".{service}/{method}", StringComparison.Ordinal))
            .Select(path => path![1..^"{service}/{method}".Length])
            .ToList();
        return PublishedContracts.Services
            .Where(service => prefixes.Any(prefix => service.FullName.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
    }
}
