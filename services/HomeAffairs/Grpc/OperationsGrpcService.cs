using Grpc.Core;
using Platform.Messaging.Operations;
using Platform.Operations.V1;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.V1;

namespace Platform.HomeAffairs.Grpc;

/// <summary>
/// platform.homeaffairs.v1.OperationsService: the messaging operations are written once (Platform.Messaging);
/// this binds them to this body's API, for its ops role.
/// </summary>
public sealed class OperationsGrpcService(MessagingOperations<HomeAffairsDbContext> operations) : OperationsService.OperationsServiceBase
{
    public override Task<ListErrorMessagesResponse> ListErrorMessages(ListErrorMessagesRequest request, ServerCallContext context) =>
        operations.ListErrorMessagesAsync(request, context.CancellationToken);

    public override Task<RequeueErrorMessagesResponse> RequeueErrorMessages(RequeueErrorMessagesRequest request, ServerCallContext context) =>
        operations.RequeueErrorMessagesAsync(request, context.CancellationToken);

    public override Task<MessagingStatus> GetMessagingStatus(GetMessagingStatusRequest request, ServerCallContext context) =>
        operations.GetMessagingStatusAsync(context.CancellationToken);

    public override Task<TrimInboxResponse> TrimInbox(TrimInboxRequest request, ServerCallContext context) =>
        operations.TrimInboxAsync(request, context.CancellationToken);
}
