using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Operations.V1;

namespace Platform.Messaging.Operations;

/// <summary>
/// platform.operations.v1.OperationsService over the service's own database (<typeparamref name="TContext"/>): every
/// body's service maps it, for its own ops role (and serves it under its retired per-body name too).
/// </summary>
public sealed class OperationsGrpcService<TContext>(MessagingOperations<TContext> operations) : OperationsService.OperationsServiceBase
    where TContext : DbContext
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
