using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.JointPlanning.Model;
using Platform.JointPlanning.V1;
using Platform.Messaging.Outbox;
using Platform.Organization.Infrastructure;
using Platform.Testing;
using static Platform.FunctionalTests.JointPlanning.JointPlanningData;
using LeadApi = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;

namespace Platform.FunctionalTests.Observability;

/// <summary>
/// Organization on real ports with no relay of its own (the test relays when it chooses, as a relay that runs later
/// would) and its gauges refreshed every 100 ms.
/// </summary>
public sealed class UnrelayedService : IAsyncLifetime
{
    public ListeningServiceHost<OrganizationDbContext> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqNode.Shared.CreateVirtualHostAsync("metrics");
        Host = new ListeningServiceHost<OrganizationDbContext>(broker,
            ("Messaging:Outbox:RelayEnabled", "false"), ("Messaging:Outbox:BacklogInterval", "00:00:00.100"),
            ("Telemetry:Gauges:Interval", "00:00:00.100")).Listening();
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The outbox and the inbox as an operator sees them: the trace context kept in the outbox row, and the figures of
/// /metrics on the service's HTTP/1.1 port moving as events are stored, relayed and consumed.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class MessagingMetricsTests(UnrelayedService service) : IClassFixture<UnrelayedService>
{
    private ListeningServiceHost<OrganizationDbContext> Host => service.Host;

    private async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient { BaseAddress = Host.HttpUrl };
        return await http.GetStringAsync("/metrics");
    }

    private Task<string> ScrapeUntilAsync(Func<string, bool> condition, string what) =>
        Poll.UntilAsync(async () => await ScrapeAsync() is var text && condition(text) ? text : null, what);

    private async Task<Conference> ProposeAsync()
    {
        var lead = new LeadApi(Host.Channel);
        return await lead.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal("home-affairs") });
    }

    [Fact]
    public async Task An_event_relayed_later_is_published_under_the_trace_of_the_request_that_stored_it()
    {
        using var listener = ListenTo(PlatformTelemetryNames, out var relayed);
        using var request = new Activity("an internal app's call").SetIdFormat(ActivityIdFormat.W3C).Start();
        var conference = await ProposeAsync(); // over a socket: the call carries the activity's traceparent
        request.Stop();
        Activity.Current = null;

        var stored = await PostgresServer.ScalarAsync<string>(Host.DatabaseConnectionString,
            "SELECT trace_parent FROM outbox_messages WHERE body::text LIKE $1", $"%{conference.Id}%") ?? "";
        Assert.StartsWith($"00-{request.TraceId.ToHexString()}-", stored);

        var relay = Host.Services.GetRequiredService<OutboxRelay>();
        Assert.True(await relay.RelayBatchAsync(CancellationToken.None) >= 1);

        var span = relayed.Single(s => s.DisplayName == "outbox relay JointConferenceProposed"
            && (string?)s.GetTagItem("messaging.message.id") is not null && s.TraceId == request.TraceId);
        Assert.NotEqual(request.SpanId, span.ParentSpanId); // the service's server span, itself a child of the call
    }

    [Fact]
    public async Task The_outbox_backlog_and_the_age_of_its_oldest_event_grow_while_events_wait_and_fall_when_they_are_relayed()
    {
        var relay = Host.Services.GetRequiredService<OutboxRelay>();
        while (await relay.RelayBatchAsync(CancellationToken.None) > 0)
        {
            // what other tests of the class left behind
        }
        var before = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_outbox_backlog") == 0, "an empty outbox backlog");
        var publishedBefore = PrometheusText.Sum(before, "platform_outbox_published_total") ?? 0;

        await ProposeAsync();
        await ProposeAsync();
        var waiting = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_outbox_backlog") == 2
            && PrometheusText.Sum(text, "platform_outbox_oldest_age_seconds") > 0, "a backlog of two events, the oldest of some age");
        Assert.Equal(publishedBefore, PrometheusText.Sum(waiting, "platform_outbox_published_total") ?? 0);

        Assert.Equal(2, await relay.RelayBatchAsync(CancellationToken.None));
        var relayed = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_outbox_backlog") == 0, "the backlog relayed");
        Assert.Equal(0, PrometheusText.Sum(relayed, "platform_outbox_oldest_age_seconds"));
        Assert.Equal(publishedBefore + 2, PrometheusText.Sum(relayed, "platform_outbox_published_total"));
        // And each RPC has its rate, errors (by gRPC status) and duration.
        Assert.True(PrometheusText.Sum(relayed, "http_server_request_duration_seconds_count",
            "rpc_method=\"/platform.jointplanning.v1.JointPlanningService/ProposeConference\"") >= 2, relayed);
    }

    [Fact]
    public async Task The_inbox_counts_what_it_applied_and_the_redeliveries_it_suppressed()
    {
        const string consumer = "consumer=\"joint-planning.participation-changed\"";
        var conference = await ProposeAsync();
        var before = await ScrapeAsync();
        var appliedBefore = PrometheusText.Sum(before, "platform_inbox_applied_total", consumer) ?? 0;
        var suppressedBefore = PrometheusText.Sum(before, "platform_inbox_duplicates_suppressed_total", consumer) ?? 0;

        // Home Affairs' contribution, delivered three times under one message id (a relay that re-sent it, a broker redelivery).
        var messageId = Guid.NewGuid();
        var contribution = ContributionOf("home-affairs", conference.Id, 1, "Báo cáo của Bộ Nội vụ");
        await TestBus.PublishAsync(Host.RabbitMqUrl, messageId, contribution, contribution, contribution);

        var after = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_inbox_duplicates_suppressed_total", consumer) >= suppressedBefore + 2,
            "two suppressed duplicates");
        Assert.Equal(appliedBefore + 1, PrometheusText.Sum(after, "platform_inbox_applied_total", consumer));
        Assert.Equal(suppressedBefore + 2, PrometheusText.Sum(after, "platform_inbox_duplicates_suppressed_total", consumer));
    }

    [Fact]
    public async Task The_leads_process_manager_shows_its_conferences_by_status_and_their_bodies_by_readiness()
    {
        const string planning = "status=\"PLANNING\"", notReady = "readiness=\"not_ready\"";
        // The gauges are refreshed periodically: wait until they show what the table holds now (the class's other tests
        // proposed conferences too), so that the one proposed below is the only difference.
        long planningNow;
        await using (var db = Host.CreateDbContext())
        {
            planningNow = await db.Set<LedConference>().LongCountAsync(c => c.Status == ConferenceStatuses.Planning);
        }
        var before = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_joint_planning_conferences", planning) == planningNow,
            "the gauges to show the conferences planning now");
        var planningBefore = PrometheusText.Sum(before, "platform_joint_planning_conferences", planning);
        var notReadyBefore = PrometheusText.Sum(before, "platform_joint_planning_participants", notReady);

        await ProposeAsync(); // the lead is ready at once only if it has contributed: both bodies are not ready yet

        var after = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_joint_planning_conferences", planning) == planningBefore + 1,
            "one more conference planning");
        Assert.Equal(notReadyBefore + 2, PrometheusText.Sum(after, "platform_joint_planning_participants", notReady));
    }

    [Fact]
    public async Task A_message_that_failed_for_good_shows_in_its_queues_error_depth()
    {
        const string queue = "queue=\"organization-joint-participation-changed\"";
        var before = await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_error_queue_depth", queue) is not null,
            "the error depth of the participation queue");

        // No publisher could have sent it: the consumer boundary moves it to the error queue at once, without retries.
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(Host.RabbitMqUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.BasicPublishAsync("", "organization-joint-participation-changed", mandatory: false,
                new RabbitMQ.Client.BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true },
                System.Text.Encoding.UTF8.GetBytes("{\"messageId\": \"" + Guid.NewGuid() + "\", \"messageType\": [\"urn:message:Platform.Contracts.IntegrationEvents:JointParticipationChanged\"], \"message\": {}}"));
        }

        var depthBefore = PrometheusText.Sum(before, "platform_error_queue_depth", queue);
        await ScrapeUntilAsync(text => PrometheusText.Sum(text, "platform_error_queue_depth", queue) == depthBefore + 1,
            "one more message in the participation queue's error queue");
    }

    private static readonly string[] PlatformTelemetryNames = [Platform.ServiceDefaults.Telemetry.PlatformTelemetry.Messaging];

    private static ActivityListener ListenTo(string[] sources, out List<Activity> stopped)
    {
        var spans = new List<Activity>();
        stopped = spans;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
