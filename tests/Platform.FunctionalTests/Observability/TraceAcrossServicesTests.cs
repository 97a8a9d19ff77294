using System.Diagnostics;
using Grpc.Core;
using Platform.JointPlanning.V1;
using Platform.Testing;
using static Platform.FunctionalTests.JointPlanning.JointPlanningData;
using Platform.Contracts.Routing;
using CoOrganizerApi = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
using LeadApi = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;

namespace Platform.FunctionalTests.Observability;

/// <summary>
/// One trace follows a joint-planning step across processes and the broker: proposing a conference through the
/// gateway reaches the lead, its database and outbox, the relay's publish, RabbitMQ, and the co-organizer's consumer,
/// its inbox and its effect — all under the trace id the gateway started.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class TraceAcrossServicesTests(TracedPlatform platform) : IClassFixture<TracedPlatform>
{
    [Fact]
    public async Task Proposing_a_conference_through_the_gateway_is_one_trace_down_to_the_co_organizers_consumer()
    {
        var lead = new LeadApi(platform.Gateway.ChannelWith(TestTokens.For("organization", "editor")).ForBody(BodyRouting.Organization));
        var conference = await lead.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal("home-affairs") });

        // The co-organizer's consumer makes its participation from the event.
        var coOrganizer = new CoOrganizerApi(platform.CoOrganizer.Channel);
        await Poll.UntilAsync(async () =>
        {
            try
            {
                return await coOrganizer.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, "the co-organizer's participation");

        // The gateway's span starts the trace: the caller sent no trace context.
        var gateway = platform.Gateway.Spans.Snapshot().Single(s => s.Kind == ActivityKind.Server && s.ParentSpanId == default
            && Tag(s, "url.path") == "/platform.jointplanning.v1.JointPlanningService/ProposeConference");
        // Spans are exported as their work ends: wait for the co-organizer's consume span to be among them.
        var spans = await Poll.UntilAsync(async () =>
        {
            await Task.CompletedTask;
            var all = platform.Gateway.Spans.Snapshot();
            return all.Any(s => s.TraceId == gateway.TraceId && IsCoOrganizersConsumer(s)) ? all : null;
        }, "the co-organizer's consume span in the gateway's trace");

        var trace = spans.Where(s => s.TraceId == gateway.TraceId).ToList();
        var byId = trace.ToDictionary(s => s.SpanId);

        var leadServer = trace.Single(s => s.Kind == ActivityKind.Server && s != gateway);
        Assert.Equal(platform.Lead.GrpcUrl.Port.ToString(), Tag(leadServer, "server.port"));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && Statement(s).Contains("outbox_messages") && AncestorsOf(s, byId).Contains(leadServer));
        var relay = trace.Single(s => s.Source.Name == "Platform.Messaging" && s.DisplayName == "outbox relay JointConferenceProposed");
        Assert.Contains(leadServer, AncestorsOf(relay, byId));
        var publish = trace.Single(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer && s.ParentSpanId == relay.SpanId);
        var consume = trace.Single(IsCoOrganizersConsumer);
        Assert.Contains(publish, AncestorsOf(consume, byId));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && Statement(s).Contains("inbox_messages") && AncestorsOf(s, byId).Contains(consume));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && Statement(s).Contains("participations") && AncestorsOf(s, byId).Contains(consume));
    }

    [Fact]
    public async Task The_gateways_metrics_count_each_RPC_with_its_status_for_a_scraper_at_the_pod_but_not_through_a_proxy()
    {
        var lead = new LeadApi(platform.Gateway.ChannelWith(TestTokens.For("organization", "viewer")).ForBody(BodyRouting.Organization));
        await Assert.ThrowsAsync<RpcException>(() => lead.ProposeConferenceAsync(
            new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal("home-affairs") }).ResponseAsync); // a viewer may not write

        using var http = platform.Gateway.CreateClient();
        var text = await Poll.UntilAsync(async () => await http.GetStringAsync("/metrics") is var body
            && PrometheusText.Sum(body, "http_server_request_duration_seconds_count", "rpc_grpc_status_code=\"7\"") >= 1 ? body : null,
            "the refused call among the gateway's metrics");
        Assert.True(PrometheusText.Sum(text, "http_server_request_duration_seconds_count",
            "rpc_method=\"/platform.jointplanning.v1.JointPlanningService/ProposeConference\"") >= 1);
        // The shared service's path is the same for every body: the body the call named is its own label.
        Assert.True(PrometheusText.Sum(text, "http_server_request_duration_seconds_count", "platform_body=\"organization\"") >= 1);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.SendAsync(forwarded)).StatusCode);
    }

    /// <summary>Home Affairs' consumer of conference announcements (its queue), handling the message.</summary>
    private static bool IsCoOrganizersConsumer(Activity span) =>
        span is { Kind: ActivityKind.Consumer, DisplayName: "home-affairs-joint-conference-announcements process" } && span.Source.Name == "MassTransit";

    private static List<Activity> AncestorsOf(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> byId)
    {
        var ancestors = new List<Activity>();
        while (byId.TryGetValue(span.ParentSpanId, out var parent))
        {
            ancestors.Add(parent);
            span = parent;
        }
        return ancestors;
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    private static string Statement(Activity span) => Tag(span, "db.query.text") ?? Tag(span, "db.statement") ?? "";
}
