using Microsoft.AspNetCore.Mvc.Testing;
using Platform.HomeAffairs.Infrastructure;
using Platform.Organization.Infrastructure;
using Platform.Testing;

namespace Platform.FunctionalTests.Observability;

/// <summary>
/// The gateway, Organization (the lead of a joint conference) and Home Affairs (a co-organizer) in this process, the
/// services on real ports and one RabbitMQ virtual host, with their real PostgreSQL databases: a request goes from the
/// gateway over sockets to the lead, through its outbox and the broker to the co-organizer's consumer.
/// </summary>
public sealed class TracedPlatform : IAsyncLifetime
{
    public ListeningServiceHost<OrganizationDbContext> Lead { get; private set; } = null!;
    public ListeningServiceHost<HomeAffairsDbContext> CoOrganizer { get; private set; } = null!;
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqNode.Shared.CreateVirtualHostAsync("traced");
        // Both buses must consume (their queues bound) before the first event is published.
        CoOrganizer = new ListeningServiceHost<HomeAffairsDbContext>(broker).Listening();
        await CoOrganizer.InitializeAsync();
        Lead = new ListeningServiceHost<OrganizationDbContext>(broker).Listening();
        await Lead.InitializeAsync();
        Gateway = new GatewayHost(new Dictionary<string, Uri>
        {
            ["organization"] = Lead.GrpcUrl,
            ["home-affairs"] = CoOrganizer.GrpcUrl,
            ["delegate-affairs"] = CoOrganizer.GrpcUrl, // not called by these tests; any answering address will do
        });
        Gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Lead.DisposeAsync();
        await CoOrganizer.DisposeAsync();
    }
}
