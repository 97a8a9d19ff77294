namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Collects every field violation of a request, so that the caller sees all of them at once,
/// then throws a <see cref="RequestValidationException"/> if there were any.
/// </summary>
public sealed class RequestValidator
{
    private readonly List<FieldViolation> _violations = [];

    public RequestValidator Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _violations.Add(new FieldViolation(field, description));
        }
        return this;
    }

    public bool IsValid => _violations.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(_violations.ToArray());
        }
    }
}
