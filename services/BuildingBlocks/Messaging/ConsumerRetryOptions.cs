namespace Platform.Messaging;

/// <summary>How often, and how far apart, a failing consumer is retried before its message goes to the error queue.</summary>
public sealed class ConsumerRetryOptions
{
    public const string Section = "Messaging:Retry";

    public int Limit { get; set; } = 6;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(300);
}
