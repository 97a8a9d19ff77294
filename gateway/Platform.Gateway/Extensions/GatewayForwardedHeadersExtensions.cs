using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Gateway.Extensions;

public sealed class GatewayForwardedHeadersOptions
{
    public const string Section = "Gateway:ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the gateway (the TLS ingress) whose X-Forwarded-* headers count.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. "10.0.0.0/8": where the ingress controller's pods run) whose X-Forwarded-* headers count.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool TrustsAnyone => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Behind the TLS ingress the gateway sees plain HTTP from the ingress controller: X-Forwarded-Proto/-Host/-For say
/// what the browser used, so that cookies are Secure, redirect URIs https and each address its own. Only from the
/// proxies configured (Gateway:ForwardedHeaders): from anyone else the headers are ignored, or a caller could claim
/// https or another address. Nothing configured (the default): trust nobody.
/// </summary>
public static class GatewayForwardedHeadersExtensions
{
    public static WebApplicationBuilder AddGatewayForwardedHeaders(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(GatewayForwardedHeadersOptions.Section).Get<GatewayForwardedHeadersOptions>()
            ?? new GatewayForwardedHeadersOptions();
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts loopback by default; here only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline. Not at all when nobody is trusted: the middleware with empty lists would trust everyone.
    /// </summary>
    public static IApplicationBuilder UseGatewayForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<GatewayForwardedHeadersOptions>().TrustsAnyone ? app.UseForwardedHeaders() : app;
}
