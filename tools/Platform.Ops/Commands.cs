using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Operations.V1;

namespace Platform.Ops;

/// <summary>Runs one command against each body's service and prints what it found.</summary>
public static class Commands
{
    public static async Task<int> RunAsync(OpsOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var channel = OperationsClient.Channel(options.GatewayGrpc);
        var invoker = channel.CreateCallInvoker();
        var failures = 0;
        foreach (var body in options.Bodies)
        {
            var token = options.Token ?? await OperationsClient.DevelopmentTokenAsync(http, options.GatewayHttp, body, options.ClientSecret, cancellationToken);
            var client = new OperationsClient(invoker, body, token);
            try
            {
                await RunOneAsync(options, client, output, cancellationToken);
            }
            catch (RpcException error)
            {
                failures++;
                output.WriteLine($"{body}: {error.StatusCode}: {error.Status.Detail}");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task RunOneAsync(OpsOptions options, OperationsClient client, TextWriter output, CancellationToken cancellationToken)
    {
        switch (options.Command)
        {
            case "errors list":
                var listing = await client.ListErrorMessagesAsync(new ListErrorMessagesRequest { Queue = options.Queue, PageSize = options.Limit }, cancellationToken);
                foreach (var queue in listing.Queues)
                {
                    output.WriteLine($"{client.Body}  {queue.ErrorQueue_}: {queue.MessageCount} message(s)");
                    foreach (var message in queue.Messages)
                    {
                        output.WriteLine($"  {message.MessageId}  {message.MessageType}  sent {Time(message.SentTime)}  failed {Time(message.FailedTime)}  after {message.RetryCount} retries");
                        output.WriteLine($"    {message.ExceptionType}: {message.ExceptionMessage}");
                        if (options.ShowHeaders)
                        {
                            foreach (var (name, value) in message.FaultHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
                            {
                                output.WriteLine($"    {name}: {FirstLine(value)}");
                            }
                        }
                    }
                }
                break;
            case "errors requeue":
                var request = new RequeueErrorMessagesRequest { Queue = options.Queue };
                request.MessageIds.AddRange(options.MessageIds);
                var requeued = await client.RequeueErrorMessagesAsync(request, cancellationToken);
                output.WriteLine($"{client.Body}: {requeued.Requeued} message(s) re-queued"
                    + (requeued.NotFound.Count > 0 ? $"; not in its error queues: {string.Join(", ", requeued.NotFound)}" : ""));
                break;
            case "outbox":
                var status = await client.GetMessagingStatusAsync(cancellationToken);
                output.WriteLine($"{client.Body,-17} outbox {status.OutboxCount} unsent (oldest {Ages.Format(status.OutboxOldestAge.ToTimeSpan())})"
                    + $"   inbox {status.InboxCount} rows (oldest {Ages.Format(status.InboxOldestAge.ToTimeSpan())}, kept {Ages.Format(status.InboxRetention.ToTimeSpan())})");
                break;
            case "inbox trim":
                var trimmed = await client.TrimInboxAsync(new TrimInboxRequest { OlderThan = Duration.FromTimeSpan(options.OlderThan!.Value) }, cancellationToken);
                output.WriteLine($"{client.Body}: {trimmed.Deleted} inbox row(s) older than {Ages.Format(options.OlderThan.Value)} forgotten");
                break;
        }
    }

    private static string Time(Timestamp? time) => time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'");

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();
}
