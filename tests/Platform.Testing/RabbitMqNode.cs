using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A RabbitMQ node run by scripts/rabbitmq.sh under a folder. <see cref="Shared"/> is the node ./test.sh
/// started (PLATFORM_TEST_RABBITMQ_DIR) or, when a test runs alone, one this process starts and stops.
/// A test that stops the broker starts a private node of its own with <see cref="StartPrivateAsync"/>.
/// </summary>
public sealed class RabbitMqNode
{
    private static readonly Lazy<RabbitMqNode> SharedNode = new(() => StartOrFindAsync().GetAwaiter().GetResult());

    private readonly string[] _ports;

    private RabbitMqNode(string dir, string[] ports)
    {
        Dir = dir;
        _ports = ports;
        AmqpPort = int.Parse(ports[0], CultureInfo.InvariantCulture);
    }

    public static RabbitMqNode Shared => SharedNode.Value;

    public string Dir { get; }
    public int AmqpPort { get; }

    /// <summary>
    /// A virtual host of its own, so that the queues and exchanges of one test's services meet no
    /// other test's: returns the amqp:// URI to reach it.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return $"amqp://guest:guest@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(name)}";
    }

    public Task StopAsync() => Script("stop", Dir);

    /// <summary>Starts the node again on the same ports; its durable queues and messages are still there.</summary>
    public Task RestartAsync() => Script(["start", Dir, .. _ports]);

    public async Task<string> CtlAsync(params string[] arguments) =>
        await Script(["ctl", Dir, .. arguments]);

    /// <summary>Queue name → messages in it (ready and unacknowledged) in a virtual host (the default one: "/").</summary>
    public async Task<Dictionary<string, long>> QueueDepthsAsync(string virtualHost = "/")
    {
        var output = await CtlAsync("-q", "list_queues", "-p", virtualHost, "name", "messages");
        var depths = new Dictionary<string, long>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var messages))
            {
                depths[parts[0]] = messages;
            }
        }
        return depths;
    }

    /// <summary>The virtual host of an amqp:// URI ("amqp://…:5672/tests-1a2b" → "tests-1a2b"; none → "/").</summary>
    public static string VirtualHostOf(string amqpUri) =>
        Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "/";

    public static Task<RabbitMqNode> StartPrivateAsync(string name) => StartInAsync(StaleServers.DirectoryFor(name));

    /// <summary>A node of this process's own in <paramref name="dir"/>, on free ports, stopped when the process exits.</summary>
    public static async Task<RabbitMqNode> StartInAsync(string dir)
    {
        string[] ports = [.. Enumerable.Range(0, 3).Select(_ => FreePort.Next().ToString(CultureInfo.InvariantCulture))];
        await Script(["start", dir, .. ports]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Script("stop", dir).GetAwaiter().GetResult();
        return new RabbitMqNode(dir, ports);
    }

    private static Task<string> Script(params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, "rabbitmq.sh"), arguments, timeout: TimeSpan.FromMinutes(2));

    private static async Task<RabbitMqNode> StartOrFindAsync()
    {
        var dir = Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBITMQ_DIR");
        var ports = Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBITMQ_PORTS"); // "amqp dist epmd"
        if (dir is { Length: > 0 } && ports is { Length: > 0 })
        {
            return new RabbitMqNode(dir, ports.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return await StartPrivateAsync("rabbitmq");
    }
}
