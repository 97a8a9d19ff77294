using Platform.Gateway.Extensions;
using Platform.Gateway.Identity;
using Platform.Gateway.JointPlanning;
using Platform.Gateway.Screens;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformAuthentication();
builder.AddGatewayLimits();
builder.AddGatewayPerformance();
if (builder.Environment.IsDevelopment())
{
    builder.AddDevelopmentIdentity();
}
builder.AddJointPlanning();
builder.AddScreens();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseStaticFiles(); // the screens' stylesheet, before authentication: it is not secret
app.UseRequestSizeLimit();
app.UseGatewayAuthentication(); // gRPC calls: the bearer scheme alone
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentIdentity();
}
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapScreens();
app.MapJointPlanningApi(); // the screens' reads across the three bodies, with the caller's own token
app.MapReverseProxy(); // every route needs a valid token (the fallback policy) and is rate-limited per client
app.Run();
