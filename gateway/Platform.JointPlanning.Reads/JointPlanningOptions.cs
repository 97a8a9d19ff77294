namespace Platform.JointPlanning.Reads;

public sealed class JointPlanningOptions
{
    public const string Section = "JointPlanning";

    /// <summary>The deadline of each call to a body's service: a slow service is reported unavailable, not waited for.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
