namespace Platform.Ops;

/// <summary>The command line: a command (one or two words), then options.</summary>
public sealed record OpsOptions(string Command, IReadOnlyList<string> Bodies, Uri GatewayHttp, Uri GatewayGrpc, string? Token, string ClientSecret,
    string Queue, IReadOnlyList<string> MessageIds, int Limit, TimeSpan? OlderThan)
{
    public const string Usage = """
        dotnet run --project tools/Platform.Ops -- COMMAND [--body BODY|all] [options]

        Commands (each for one body's service, or all three with --body all, the default):
          errors list      the messages in the service's error queues: id, type, exception, sent and failed times
                           [--queue QUEUE] [--limit N (per queue, default 20)] [--headers: every fault header]
          errors requeue   move them back to their queues (all of them, or --id ID, repeatable) [--queue QUEUE]
          outbox           outbox backlog (count, oldest) and inbox size per service
          inbox trim       forget inbox rows older than an age: --older-than 7d (at least 1h)

        Options:
          --gateway-http URL   the gateway's HTTP port, for its token endpoint (default http://127.0.0.1:8080)
          --gateway-grpc URL   the gateway's gRPC port (default http://127.0.0.1:8081)
          --token TOKEN        an access token of the body's ops role (or PLATFORM_OPS_TOKEN); without one, the
                               development issuer's client "<body>-ops" is used, with --client-secret (default dev-secret)
        """;

    public bool ShowHeaders { get; init; }

    public static OpsOptions Parse(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var command = string.Join(' ', words);
        if (command is not ("errors list" or "errors requeue" or "outbox" or "inbox trim"))
        {
            throw new OpsException(command.Length == 0 ? "No command given." : $"Unknown command '{command}'.");
        }
        string body = "all", queue = "", secret = "dev-secret";
        string? token = Environment.GetEnvironmentVariable("PLATFORM_OPS_TOKEN");
        Uri http = new("http://127.0.0.1:8080"), grpc = new("http://127.0.0.1:8081");
        var ids = new List<string>();
        var limit = 20;
        var headers = false;
        TimeSpan? olderThan = null;
        for (var i = words.Count; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new OpsException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--body": body = Value(); break;
                case "--queue": queue = Value(); break;
                case "--id": ids.Add(Value()); break;
                case "--limit": limit = int.TryParse(Value(), out var n) && n > 0 ? n : throw new OpsException("--limit must be a positive number."); break;
                case "--older-than": olderThan = Ages.Parse(Value()); break;
                case "--headers": headers = true; break;
                case "--gateway-http": http = new Uri(Value()); break;
                case "--gateway-grpc": grpc = new Uri(Value()); break;
                case "--token": token = Value(); break;
                case "--client-secret": secret = Value(); break;
                default: throw new OpsException($"Unknown option {args[i]}.");
            }
        }
        if (command == "inbox trim" && olderThan is null)
        {
            throw new OpsException("inbox trim needs --older-than AGE (e.g. 7d).");
        }
        var bodies = body == "all" ? OperationsClient.Bodies
            : OperationsClient.Bodies.Contains(body) ? [body]
            : throw new OpsException($"--body must be one of {string.Join(", ", OperationsClient.Bodies)} or all.");
        if (token is not null && bodies.Count > 1)
        {
            throw new OpsException("A token is one body's: name the body with --body.");
        }
        return new OpsOptions(command, bodies, http, grpc, token, secret, queue, ids, limit, olderThan) { ShowHeaders = headers };
    }
}
