using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Platform.Gateway.ApiDocs;
using Platform.Gateway.Extensions;
using Platform.Gateway.JointPlanning;
using Platform.Gateway.Reflection;
using Platform.Api.Security;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformTelemetry("gateway");
builder.AddPlatformAuthentication();
builder.AddGatewayLimits();
builder.AddTrustedProxies(builder.Configuration.GetSection("Gateway:ForwardedHeaders"), ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
builder.AddGatewayGrpc();
builder.AddGatewayPerformance();
builder.AddGatewayDevelopmentIssuer(); // in Development, if this build has it (DevelopmentIssuer); refuses to start if expected and absent
builder.AddJointPlanning();
builder.AddScreensRoute(); // the screens (gateway/Platform.Screens) behind the catch-all route
builder.AddGatewayReflection();
builder.AddApiDocs();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseTrustedProxies(); // first: everything after sees the browser's scheme, host and address (known proxies only)
app.UsePrivateAnswers(); // no-store on personal data, no Server header
app.UseSecurityHeaders(); // on the screens' pages too, as they pass through
app.UseApiErrorBodies(); // the gateway's own 4xx on /api/… with the documented error body
app.UseStaticFiles(); // the API docs' stylesheet, before authentication: it is not secret
app.UseGrpcOnlyOverHttp2();
app.UseRequestSizeLimit();
app.UseGatewayDevelopmentIssuer(); // before the issuer's own handling of its endpoints (in authentication)
app.UseGatewayAuthentication(); // gRPC calls: the bearer scheme alone
app.UseRateLimiter(); // per person and client; the route to the screens per address (they limit each person)
app.UseAuthorization();
app.UseRequestTimeouts();
app.MapGatewayDevelopmentIssuer();
app.MapHealthChecks("/healthz").AllowAnonymous(); // ready: every check passes (none does once the gateway is stopping)
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous(); // alive: the process answers
app.MapGatewayGrpcHealth(); // grpc.health.v1.Health on the h2c port, without a token, for load balancers and probes
app.MapPlatformMetrics(refuseForwarded: true); // for Prometheus at the pod, never through the ingress
app.MapJointPlanningApi(); // the joint-planning reads across the three bodies, with the caller's own token
app.MapSharedServiceRouting(); // a call to a shared service that names no body: BODY_NOT_NAMED, not a 404
app.MapGatewayReflection(); // gRPC reflection of the routed services, for tools, with a token
app.MapApiDocs(); // /openapi/v1.json and /docs
app.MapReverseProxy(proxy => proxy.UseProxyPipeline()); // every API route needs a valid token (the fallback policy) and is rate-limited per person and client; a request no replica received goes to another; last, the screens
app.Run();
