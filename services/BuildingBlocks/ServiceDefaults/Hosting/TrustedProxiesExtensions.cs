using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>The proxies in front of a process whose X-Forwarded-* headers count (Gateway:ForwardedHeaders, Screens:ForwardedHeaders).</summary>
public sealed class TrustedProxiesOptions
{
    /// <summary>Addresses of the proxies in front (the TLS ingress before the gateway; the gateway before the screens).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. "10.0.0.0/8": where the proxy's pods run) whose X-Forwarded-* headers count.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool TrustsAnyone => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Behind a proxy a process sees plain HTTP from the proxy: X-Forwarded-Proto/-For (and -Host where asked) say what
/// the browser used, so that cookies are Secure, redirect URIs https and each address its own. Only from the proxies
/// configured: from anyone else the headers are ignored, or a caller could claim https or another address. Nothing
/// configured (the default): trust nobody. The gateway trusts the TLS ingress (Gateway:ForwardedHeaders); the
/// screens trust the gateway (Screens:ForwardedHeaders), which keeps the browser's Host and sets X-Forwarded-For and
/// -Proto from what it trusted itself.
/// </summary>
public static class TrustedProxiesExtensions
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder, IConfigurationSection section, ForwardedHeaders headers)
    {
        var settings = section.Get<TrustedProxiesOptions>() ?? new TrustedProxiesOptions();
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = headers;
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
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<TrustedProxiesOptions>().TrustsAnyone ? app.UseForwardedHeaders() : app;
}
