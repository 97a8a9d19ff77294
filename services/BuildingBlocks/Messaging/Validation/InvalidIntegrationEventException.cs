namespace Platform.Messaging.Validation;

/// <summary>
/// An integration event that no publisher of the platform could have sent: a required field missing or out of its
/// range. Not retried (it would fail the same way every time): MassTransit moves it straight to the error queue.
/// </summary>
public sealed class InvalidIntegrationEventException(string messageType, IReadOnlyList<string> problems)
    : Exception($"Invalid {messageType}: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
