using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Platform.Screens.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformTelemetry("screens");
// The gateway keeps the browser's Host and says its scheme and address (X-Forwarded-Proto/-For), trusted from it only.
builder.AddTrustedProxies(builder.Configuration.GetSection("Screens:ForwardedHeaders"), ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
builder.AddScreens();
builder.AddScreensLimits();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseTrustedProxies(); // first: everything after sees the browser's scheme and address
app.UseStaticFiles(); // the stylesheets, before authentication: they are not secret
app.UseRouting(); // after the files: routing first would give a stylesheet's path to the fallback for tools
app.UseAuthentication(); // the cookie session; /signin-callback is answered here
app.UseRateLimiter(); // per signed-in person, else per address: after authentication, which names the person
app.UseAuthorization();
app.MapHealthChecks("/healthz").AllowAnonymous().DisableRateLimiting(); // ready: the gateway's health check of its screens cluster
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
app.MapPlatformMetrics(refuseForwarded: true); // for Prometheus at the pod; never what came through the gateway
app.MapScreens();
app.Run();
