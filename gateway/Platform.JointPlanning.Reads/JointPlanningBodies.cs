namespace Platform.JointPlanning.Reads;

/// <summary>The three bodies whose services plan joint conferences, and how a conference id names its lead.</summary>
public static class JointPlanningBodies
{
    /// <summary>In the order the joint plan lists them.</summary>
    public static readonly IReadOnlyList<string> All = ["organization", "home-affairs", "delegate-affairs"];

    public static bool IsBody(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>The lead body of "&lt;lead body&gt;.&lt;slug&gt;", or null when the id has no such prefix.</summary>
    public static string? LeadOf(string conferenceId)
    {
        var dot = conferenceId.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && IsBody(conferenceId[..dot]) ? conferenceId[..dot] : null;
    }
}
