using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.HomeAffairs.Infrastructure;
using Platform.Messaging;

namespace Platform.UnitTests;

/// <summary>
/// MassTransit's usage telemetry (a report to its vendor over HTTPS after the bus starts) is off wherever the
/// platform configures MassTransit: every service goes through AddPlatformMessaging.
/// </summary>
public sealed class MessagingUsageTelemetryTests
{
    [Fact]
    public void The_platform_messaging_wiring_turns_MassTransit_usage_telemetry_off()
    {
        var builder = Host.CreateApplicationBuilder();
        // Nothing is contacted: the host is built, never started.
        builder.Configuration["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";
        builder.Configuration["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/";
        builder.AddPlatformMessaging<HomeAffairsDbContext>("telemetry-probe");

        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
        // The tracker MassTransit consults when the bus starts (it also reads MASSTRANSIT_USAGE_TELEMETRY) agrees.
        var tracker = Assert.IsType<UsageTracker>(host.Services.GetRequiredService<IUsageTracker>());
        Assert.False(tracker.Enabled);
    }
}
