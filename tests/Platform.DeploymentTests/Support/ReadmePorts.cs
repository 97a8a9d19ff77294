using System.Text.RegularExpressions;

namespace Platform.DeploymentTests.Support;

/// <summary>The ports the README's process table gives ("| process | port | protocol |").</summary>
public static partial class ReadmePorts
{
    private static readonly Lazy<IReadOnlyList<(string Process, string Ports, string Protocol)>> Rows = new(ReadRows);

    /// <summary>A service's h2c gRPC port and HTTP/1.1 health port ("5101 / 5111").</summary>
    public static (int Grpc, int Http) Service(PlatformProcess service)
    {
        var ports = Numbers(Row(service.ReadmeName).Ports);
        return (ports[0], ports[1]);
    }

    /// <summary>The gateway's HTTP/1.1 and h2c ports (two rows).</summary>
    public static (int Http, int Grpc) Gateway()
    {
        var rows = Rows.Value.Where(r => r.Process == "gateway").ToList();
        int PortOf(string protocol) => Numbers(rows.Single(r => r.Protocol.StartsWith(protocol, StringComparison.Ordinal)).Ports)[0];
        return (PortOf("HTTP/1.1"), PortOf("h2c"));
    }

    /// <summary>The screens' HTTP/1.1 port (behind the gateway).</summary>
    public static int Screens() => Numbers(Row("screens").Ports)[0];

    /// <summary>The run.sh ports of PostgreSQL and RabbitMQ (the first of "run / test"), and the management UI's.</summary>
    public static (int Postgres, int Amqp, int Management) Infrastructure()
    {
        var rabbit = Row("RabbitMQ (run / test)");
        return (Numbers(Row("PostgreSQL (run / test)").Ports)[0], Numbers(rabbit.Ports)[0],
            int.Parse(ManagementPort().Match(rabbit.Protocol).Groups[1].Value));
    }

    /// <summary>The databases the README names ("databases `organization`, …").</summary>
    public static IReadOnlyList<string> Databases() =>
        [.. Regex.Matches(Row("PostgreSQL (run / test)").Protocol, "`([a-z_]+)`").Select(m => m.Groups[1].Value)];

    private static (string Process, string Ports, string Protocol) Row(string process) =>
        Rows.Value.SingleOrDefault(r => r.Process == process) is { Process: not null } row
            ? row
            : throw new InvalidOperationException($"README.md's process table has no row for '{process}'.");

    private static int[] Numbers(string cell) => [.. Regex.Matches(cell, "[0-9]+").Select(m => int.Parse(m.Value))];

    private static IReadOnlyList<(string, string, string)> ReadRows()
    {
        var lines = Repository.Read("README.md").Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("| process | port | protocol |", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException("README.md has no '| process | port | protocol |' table.");
        }
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2]))];
    }

    [GeneratedRegex("management UI[^0-9]*([0-9]+)")]
    private static partial Regex ManagementPort();
}
