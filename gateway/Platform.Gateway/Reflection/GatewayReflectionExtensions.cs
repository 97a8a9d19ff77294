using System.Text.RegularExpressions;
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
    /// The contracts' services a gRPC route of the proxy matches — by package ("/platform.homeaffairs.{service}/{method}")
    /// or, for the shared services, by a pattern of their names ("/{service:regex(^platform\\.(jointplanning|…)\\.v1\\.)}/{method}",
    /// the body then named in metadata) — so that reflection never lists a service a call could not reach.
    /// </summary>
    private static IEnumerable<ServiceDescriptor> RoutedServices(IServiceProvider provider)
    {
        var matches = provider.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes
            .Select(route => route.Match.Path)
            .Select(ServiceNameMatch)
            .OfType<Func<string, bool>>()
            .ToList();
        return PublishedContracts.Services
            .Where(service => matches.Any(match => match(service.FullName)))
            .ToList();
    }

    private const string RegexRoute = "/{service:regex(";
    private const string MethodSegment = "/{method}";

    private static Func<string, bool>? ServiceNameMatch(string? path)
    {
        if (path is null || !path.EndsWith(MethodSegment, StringComparison.Ordinal))
        {
            return null; // a JSON route
        }
        if (path.StartsWith(RegexRoute, StringComparison.Ordinal))
        {
            var pattern = new Regex(path[RegexRoute.Length..^(")}".Length + MethodSegment.Length)], RegexOptions.CultureInvariant);
            return pattern.IsMatch;
        }
        const string serviceSegment = "{service}";
        if (!path.EndsWith($".{serviceSegment}{MethodSegment}", StringComparison.Ordinal))
        {
            return null;
        }
        var prefix = path[1..^(serviceSegment.Length + MethodSegment.Length)];
        return name => name.StartsWith(prefix, StringComparison.Ordinal);
    }
}
