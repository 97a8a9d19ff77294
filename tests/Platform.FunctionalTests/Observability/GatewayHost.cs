using System.Diagnostics;
using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenTelemetry.Trace;
using Platform.Gateway.Extensions;
using Platform.Testing;

namespace Platform.FunctionalTests.Observability;

/// <summary>
/// The real gateway (its Program, in Production, so without the development issuer) in process, proxying each body to
/// the address given, trusting the tests' signing key; its tracer provider also exports to <see cref="Spans"/>.
/// Activity listeners are process-wide, so that one in-memory exporter sees the spans of every host of the test.
/// </summary>
public sealed class GatewayHost(IReadOnlyDictionary<string, Uri> services) : WebApplicationFactory<RateLimitOptions>
{
    public SpanLog Spans { get; } = new();

    /// <summary>A gRPC channel to the gateway (as an internal app calls it) whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel ChannelWith(string token) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, Server.CreateHandler()) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The bearer scheme needs an issuer to name; its keys are set below.
        builder.UseSetting("Authentication:Authority", TestTokens.Issuer);
        foreach (var (body, address) in services)
        {
            builder.UseSetting($"ReverseProxy:Clusters:{body}:Destinations:primary:Address", address.ToString());
        }
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Authority = null;
                options.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
                options.Configuration.SigningKeys.Add(TestTokens.Key);
                options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
            });
        });
    }

    private sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
