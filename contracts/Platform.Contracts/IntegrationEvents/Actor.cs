namespace Platform.Contracts.IntegrationEvents;

/// <summary>
/// Who caused an event: the subject of the person or app, the body it belongs to and the client it
/// used. Consumers record it in their own audit trail (Regulation 205-QĐ/TW: cadre work is traceable).
/// </summary>
public sealed record Actor(string Subject, string Body, string? ClientId);
