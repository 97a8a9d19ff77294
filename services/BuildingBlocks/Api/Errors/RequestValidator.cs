namespace Platform.Api.Errors;

/// <summary>
/// Collects every field violation of a request, so that the caller sees all of them at once,
/// then throws a <see cref="RequestValidationException"/> if there were any.
/// </summary>
public sealed class RequestValidator
{
    private readonly List<FieldViolation> _violations = [];

    public RequestValidator Require(bool condition, string field, Violation violation)
    {
        if (!condition)
        {
            _violations.Add(new FieldViolation(field, violation));
        }
        return this;
    }

    /// <summary>
    /// Reads an ISO 8601 date field ("YYYY-MM-DD"): null when empty (a violation if <paramref name="required"/>),
    /// a violation when malformed.
    /// </summary>
    public DateOnly? Date(string text, string field, bool required = false)
    {
        if (text.Length == 0)
        {
            Require(!required, field, Violation.Required("is required (YYYY-MM-DD)"));
            return null;
        }
        var valid = Vietnamese.IsoDate.TryParse(text, out var date);
        Require(valid, field, Violation.InvalidDate);
        return valid ? date : null;
    }

    public bool IsValid => _violations.Count == 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(_violations.ToArray());
        }
    }
}
