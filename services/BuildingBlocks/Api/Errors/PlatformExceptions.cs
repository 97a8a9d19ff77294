using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>A request field broke a rule. <see cref="Field"/> is the proto path, e.g. "administrative_unit.name".</summary>
public sealed record FieldViolation(string Field, Violation Violation)
{
    public string Description => Violation.Description;
}

/// <summary>The request is invalid; mapped to InvalidArgument with google.rpc.BadRequest details.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>The named resource does not exist; mapped to NotFound (<see cref="ErrorReasons.ResourceNotFound"/>).</summary>
public sealed class ResourceNotFoundException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was not found.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}

/// <summary>A resource with that identity exists already; mapped to AlreadyExists (<see cref="ErrorReasons.ResourceAlreadyExists"/>).</summary>
public sealed class ResourceAlreadyExistsException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' already exists.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}

/// <summary>The resource changed since the caller read it (stale etag); mapped to Aborted (<see cref="ErrorReasons.ConcurrentModification"/>).</summary>
public sealed class ConcurrencyConflictException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was changed by someone else; read it again and retry with its new etag.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}

/// <summary>
/// The request is valid but the resource is not in a state that allows it; mapped to FailedPrecondition with
/// <paramref name="reason"/> (one of <see cref="ErrorReasons"/>) and the values the message names as metadata.
/// </summary>
public sealed class PreconditionFailedException(string reason, string message, params (string Key, string Value)[] metadata) : Exception(message)
{
    public string Reason { get; } = reason;
    public IReadOnlyList<(string Key, string Value)> Metadata { get; } = metadata;
}
