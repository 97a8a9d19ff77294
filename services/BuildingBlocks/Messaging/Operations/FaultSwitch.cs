using MassTransit;

namespace Platform.Messaging.Operations;

/// <summary>
/// A deliberate consumer fault for the fault-injection run and the operations tests: while the file named by
/// Messaging:FaultSwitch:File holds a line naming a message type (e.g. "AdministrativeUnitChanged"), or
/// "&lt;queue&gt; &lt;type&gt;", every such message this service consumes throws, so it is retried and lands in its
/// error queue; emptying or deleting the file is "fixing" it. Development only: a service configured with
/// it in any other environment refuses to start (see AddPlatformMessaging).
/// </summary>
public sealed class FaultSwitch(string path) : IFilter<ConsumeContext>
{
    public const string FileKey = "Messaging:FaultSwitch:File";

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (Trips(context))
        {
            throw new FaultSwitchException($"The fault switch {path} fails {string.Join(", ", MessageTypeNames(context))} at {QueueOf(context)}");
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("faultSwitch");

    private bool Trips(ConsumeContext context)
    {
        string[] lines;
        try
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (IOException)
        {
            return false; // being rewritten: the next attempt reads it again
        }
        var queue = QueueOf(context);
        var types = MessageTypeNames(context).ToHashSet(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var matches = parts.Length == 1 ? types.Contains(parts[0]) : parts[0] == queue && types.Contains(parts[1]);
            if (matches)
            {
                return true;
            }
        }
        return false;
    }

    private static string QueueOf(ConsumeContext context) => context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];

    /// <summary>"urn:message:Platform.Contracts.IntegrationEvents:AdministrativeUnitChanged" → "AdministrativeUnitChanged".</summary>
    private static IEnumerable<string> MessageTypeNames(ConsumeContext context) =>
        context.SupportedMessageTypes.Select(urn => urn[(urn.LastIndexOf(':') + 1)..]);
}

public sealed class FaultSwitchException(string message) : Exception(message);
