namespace Platform.Auditing;

/// <summary>
/// One write to the service's data: who (subject, body, client), when, what (resource, operation) and
/// the change. Inserted in the same transaction as the write; the table refuses UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public string? ClientId { get; init; }
    public required string Resource { get; init; }
    public required string Operation { get; init; }
    public required string Change { get; init; }
}

/// <summary>An entity whose writes are audited, named as a resource, e.g. "administrative-units/01".</summary>
public interface IAuditable
{
    string AuditResource { get; }
}
