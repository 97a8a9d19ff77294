using System.Globalization;
using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// A rule a field broke: its stable <see cref="Reason"/> (one of <see cref="ErrorReasons"/>), the English
/// <see cref="Description"/> for developers, and the values the description names (<see cref="Args"/>: a limit, a
/// code, a date), which callers such as the screens put into their own words. Sent as a google.rpc.BadRequest field
/// violation; the args travel in the status's ErrorInfo metadata (ErrorMappingInterceptor).
/// </summary>
public sealed record Violation(string Reason, string Description, IReadOnlyList<(string Name, string Value)> Args)
{
    public static Violation Of(string reason, string description, params (string Name, object Value)[] args) =>
        new(reason, description, args.Select(a => (a.Name, Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? "")).ToArray());

    // The rules most fields share, each with the one wording the API has always used.

    /// <summary>"is required", or the caller's fuller wording of it ("is required, e.g. 2021-2026").</summary>
    public static Violation Required(string description = "is required") => Of(ErrorReasons.Required, description);

    /// <summary>"is required (at most N characters)": a text that must be given and fit.</summary>
    public static Violation RequiredText(int max, string? example = null) => example is null
        ? Of(ErrorReasons.Required, $"is required (at most {max} characters)", ("Max", max))
        : Of(ErrorReasons.Required, $"is required (at most {max} characters), e.g. {example}", ("Max", max), ("Example", example));

    /// <summary>"is at most N characters".</summary>
    public static Violation TextTooLong(int max) => Of(ErrorReasons.TextTooLong, $"is at most {max} characters", ("Max", max));

    /// <summary>"must be a date YYYY-MM-DD".</summary>
    public static Violation InvalidDate { get; } = Of(ErrorReasons.InvalidDate, "must be a date YYYY-MM-DD");

    /// <summary>"must be a time HH:MM".</summary>
    public static Violation InvalidTime { get; } = Of(ErrorReasons.InvalidTime, "must be a time HH:MM");

    /// <summary>A number outside [min, max] (max null: no upper bound), in the caller's words.</summary>
    public static Violation NumberOutOfRange(string description, long min, long? max = null) =>
        max is null ? Of(ErrorReasons.NumberOutOfRange, description, ("Min", min))
            : Of(ErrorReasons.NumberOutOfRange, description, ("Min", min), ("Max", max.Value));

    /// <summary>A list with fewer than min or more than max items.</summary>
    public static Violation ItemCount(string description, int min, int max) =>
        Of(ErrorReasons.ItemCountOutOfRange, description, ("Min", min), ("Max", max));

    /// <summary>A value naming something that does not exist.</summary>
    public static Violation UnknownReference(string description, string value) => Of(ErrorReasons.UnknownReference, description, ("Value", value));
}
