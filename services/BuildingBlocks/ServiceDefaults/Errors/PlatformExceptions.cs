namespace Platform.ServiceDefaults.Errors;

/// <summary>A request field broke a rule. <see cref="Field"/> is the proto path, e.g. "administrative_unit.name".</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The request is invalid; mapped to InvalidArgument with google.rpc.BadRequest details.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>The named resource does not exist; mapped to NotFound.</summary>
public sealed class ResourceNotFoundException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was not found.");

/// <summary>A resource with that identity exists already; mapped to AlreadyExists.</summary>
public sealed class ResourceAlreadyExistsException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' already exists.");

/// <summary>The resource changed since the caller read it (stale etag); mapped to Aborted.</summary>
public sealed class ConcurrencyConflictException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was changed by someone else; read it again and retry with its new etag.");

/// <summary>The request is valid but the resource is not in a state that allows it; mapped to FailedPrecondition.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
