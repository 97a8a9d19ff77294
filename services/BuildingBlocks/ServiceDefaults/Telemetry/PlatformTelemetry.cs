namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The names under which the platform's own code emits traces and metrics, so that every process subscribes to
/// the same ones (and a test can too).
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The outbox relay's and the inbox's spans, and their metrics.</summary>
    public const string Messaging = "Platform.Messaging";

    /// <summary>The joint-planning process manager's metrics (conferences by status and readiness).</summary>
    public const string JointPlanning = "Platform.JointPlanning";

    /// <summary>Candidate vetting's metrics (requests pending past their deadline).</summary>
    public const string Vetting = "Platform.Vetting";

    /// <summary>Every activity source a process traces: ASP.NET Core, outgoing HTTP and gRPC, PostgreSQL, MassTransit, ours.</summary>
    public static readonly IReadOnlyList<string> ActivitySources = [Messaging, "MassTransit"];

    /// <summary>Every meter a process exports besides the ASP.NET Core, HTTP client and runtime instrumentation.</summary>
    public static readonly IReadOnlyList<string> Meters =
        [Messaging, JointPlanning, Vetting, "MassTransit", "Npgsql", "Grpc.AspNetCore.Server", "Grpc.Net.Client"];
}
