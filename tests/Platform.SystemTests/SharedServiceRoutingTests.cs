using Google.Rpc;
using Grpc.Core;
using Platform.Contracts.Errors;
using Platform.Contracts.Routing;
using Platform.JointPlanning.V1;
using Platform.Operations.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;
using OperationsService = Platform.Operations.V1.OperationsService;

namespace Platform.SystemTests;

/// <summary>
/// The shared services through the gateway's gRPC port: one path for three services, the body named in the
/// platform-body metadata. Each body's call reaches that body's service (its own data, its own access rules); a call
/// naming no body, or none of the three, is told so (InvalidArgument BODY_NOT_NAMED), not answered "Unimplemented".
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SharedServiceRoutingTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_body_named_in_the_metadata_is_answered_by_its_own_service()
    {
        foreach (var body in BodyRouting.Bodies)
        {
            // The ops role of one body is let in by its own service only: reaching another would be PermissionDenied.
            var ops = new OperationsService.OperationsServiceClient(platform.GrpcChannelWith(await platform.TokenAsync($"{body}-ops")).ForBody(body));
            var status = await ops.GetMessagingStatusAsync(new GetMessagingStatusRequest());
            Assert.NotNull(status);

            var elsewhere = BodyRouting.Bodies.First(b => b != body);
            var misrouted = new OperationsService.OperationsServiceClient(platform.GrpcChannelWith(await platform.TokenAsync($"{body}-ops")).ForBody(elsewhere));
            var refused = await Assert.ThrowsAsync<RpcException>(() => misrouted.GetMessagingStatusAsync(new GetMessagingStatusRequest()).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Equal(elsewhere, ErrorInfoOf(refused).Domain); // the service that refused
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ministry-of-finance")]
    public async Task A_call_naming_no_body_is_refused_with_BODY_NOT_NAMED(string? body)
    {
        var headers = new Metadata();
        if (body is not null)
        {
            headers.Add(BodyRouting.Header, body);
        }
        var planning = new JointPlanningService.JointPlanningServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            planning.ListParticipationsAsync(new ListParticipationsRequest(), headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var info = ErrorInfoOf(refused);
        Assert.Equal((ErrorReasons.BodyNotNamed, "gateway"), (info.Reason, info.Domain));
        Assert.Contains(BodyRouting.Header, refused.Status.Detail);
    }

    private static ErrorInfo ErrorInfoOf(RpcException refused) =>
        Google.Rpc.Status.Parser.ParseFrom(refused.Trailers.GetValueBytes("grpc-status-details-bin")).Details
            .Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
}
