using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Operations.V1;
using Platform.Api.Errors;
using Platform.Api.Security;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging.Operations;

/// <summary>
/// The operations of platform.operations.v1.OperationsService, written once for the three services (each maps
/// them over its own database, as with joint planning): error queues of this service's consumers, its outbox
/// backlog and inbox size, and trimming the inbox.
/// </summary>
public sealed class MessagingOperations<TContext>(TContext db, ConsumerQueues queues, ErrorQueueBrowser browser, InboxOptions inbox, MassTransit.IBus bus, ServiceIdentity service)
    where TContext : DbContext
{
    /// <summary>The shortest age trimmed: an inbox row guards against redelivery, which follows an outage within minutes to hours.</summary>
    public static readonly TimeSpan MinimumTrimAge = TimeSpan.FromHours(1);

    public async Task<ListErrorMessagesResponse> ListErrorMessagesAsync(ListErrorMessagesRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Require(request.PageSize is >= 0 and <= ErrorQueueBrowser.MaxPageSize, "page_size", Violation.NumberOutOfRange($"must be between 0 and {ErrorQueueBrowser.MaxPageSize}", 0, ErrorQueueBrowser.MaxPageSize));
        var selected = Select(request.Queue, validator);
        validator.ThrowIfInvalid();
        var pageSize = request.PageSize == 0 ? ErrorQueueBrowser.DefaultPageSize : request.PageSize;
        var response = new ListErrorMessagesResponse();
        foreach (var queue in selected)
        {
            response.Queues.Add(await OnBrokerAsync(() => browser.ListAsync(queue, pageSize, cancellationToken)));
        }
        return response;
    }

    public async Task<RequeueErrorMessagesResponse> RequeueErrorMessagesAsync(RequeueErrorMessagesRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var selected = Select(request.Queue, validator);
        for (var i = 0; i < request.MessageIds.Count; i++)
        {
            validator.Require(Guid.TryParse(request.MessageIds[i], out _), $"message_ids[{i}]", Violation.Of(ErrorReasons.InvalidFormat, "must be a message id (a UUID)"));
        }
        validator.ThrowIfInvalid();
        var wanted = request.MessageIds.Count > 0
            ? request.MessageIds.Select(id => Guid.Parse(id).ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        var moved = new List<string>();
        foreach (var queue in selected)
        {
            moved.AddRange(await OnBrokerAsync(() => browser.RequeueAsync(queue, wanted, cancellationToken)));
        }
        var response = new RequeueErrorMessagesResponse { Requeued = moved.Count };
        if (wanted is not null)
        {
            response.NotFound.AddRange(wanted.Except(moved.Select(id => Guid.TryParse(id, out var g) ? g.ToString() : id), StringComparer.OrdinalIgnoreCase));
        }
        return response;
    }

    public async Task<MessagingStatus> GetMessagingStatusAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var outbox = await db.Set<OutboxMessage>().GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.OccurredAt) }).FirstOrDefaultAsync(cancellationToken);
        var inboxRows = await db.Set<InboxMessage>().GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.ReceivedAt) }).FirstOrDefaultAsync(cancellationToken);
        return new MessagingStatus
        {
            OutboxCount = outbox?.Count ?? 0,
            OutboxOldestAge = Duration.FromTimeSpan(outbox is null ? TimeSpan.Zero : Max(now - outbox.Oldest)),
            InboxCount = inboxRows?.Count ?? 0,
            InboxOldestAge = Duration.FromTimeSpan(inboxRows is null ? TimeSpan.Zero : Max(now - inboxRows.Oldest)),
            InboxRetention = Duration.FromTimeSpan(inbox.Retention),
        };
    }

    public async Task<TrimInboxResponse> TrimInboxAsync(TrimInboxRequest request, CancellationToken cancellationToken)
    {
        var olderThan = request.OlderThan?.ToTimeSpan();
        new RequestValidator()
            .Require(olderThan is not null, "older_than", Violation.Required())
            .Require(olderThan is null || olderThan >= MinimumTrimAge, "older_than",
                Violation.NumberOutOfRange($"must be at least {MinimumTrimAge.TotalHours:0} hour: a message redelivered after its inbox row is gone would be applied twice", (long)MinimumTrimAge.TotalHours))
            .ThrowIfInvalid();
        var cutoff = DateTimeOffset.UtcNow - olderThan!.Value;
        var deleted = await db.Set<InboxMessage>().Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return new TrimInboxResponse { Deleted = deleted };
    }

    private static TimeSpan Max(TimeSpan age) => age < TimeSpan.Zero ? TimeSpan.Zero : age;

    /// <summary>The consumer queues named (one, or all of them when empty); an unknown one is a violation.</summary>
    private IReadOnlyList<string> Select(string queue, RequestValidator validator)
    {
        _ = bus; // the bus configures its endpoints (and so names the queues) when it is built
        var all = queues.Names;
        if (queue.Length == 0)
        {
            return all;
        }
        var name = queue.EndsWith(ConsumerQueues.ErrorSuffix, StringComparison.Ordinal) ? queue[..^ConsumerQueues.ErrorSuffix.Length] : queue;
        validator.Require(all.Contains(name), "queue", Violation.Of(ErrorReasons.NotAllowedValue, $"is not a queue this service consumes from ({string.Join(", ", all)})", ("Value", name)));
        return [name];
    }

    private async Task<T> OnBrokerAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (error is BrokerUnavailableException or AlreadyClosedException or OperationInterruptedException)
        {
            throw Refusals.Exception(Google.Rpc.Code.Unavailable, service.Body, ErrorReasons.BrokerUnavailable, $"The message broker is not available: {error.Message}");
        }
    }
}
