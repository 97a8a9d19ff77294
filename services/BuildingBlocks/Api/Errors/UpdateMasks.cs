using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>The paths of an update: those of the mask (each must be updatable), or every updatable one when it is empty.</summary>
public static class UpdateMasks
{
    public static string[] Paths(FieldMask? mask, string[] updatable)
    {
        var paths = mask?.Paths.Count > 0 ? mask.Paths.ToArray() : updatable;
        var validator = new RequestValidator();
        foreach (var path in paths.Except(updatable))
        {
            validator.Require(false, "update_mask", Violation.Of(ErrorReasons.NotAllowedValue, $"'{path}' cannot be updated; updatable: {string.Join(", ", updatable)}", ("Value", path)));
        }
        validator.ThrowIfInvalid();
        return paths;
    }
}
