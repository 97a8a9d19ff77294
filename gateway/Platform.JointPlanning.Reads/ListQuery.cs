using System.Globalization;
using Google.Protobuf.Reflection;
using Platform.Contracts.Errors;
using Platform.JointPlanning.V1;

namespace Platform.JointPlanning.Reads;

/// <summary>
/// The query parameters of the joint-planning lists, checked before any service is called; each problem is noted
/// under the parameter's name for a validation problem (400).
/// </summary>
public sealed class ListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    private static readonly EnumDescriptor ConferenceStatuses =
        JointPlanningReflection.Descriptor.FindTypeByName<EnumDescriptor>("ConferenceStatus");

    /// <summary>Each invalid parameter with its reason (<see cref="ErrorReasons"/>) and message.</summary>
    public Dictionary<string, (string Reason, string Message)> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    /// <summary>AIP-158: absent or 0 is the default, more than the maximum is the maximum.</summary>
    public int PageSize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DefaultPageSize;
        }
        if (!int.TryParse(value, NumberStyles.None | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
        {
            Errors["pageSize"] = (ErrorReasons.InvalidFormat, "must be a whole number");
            return DefaultPageSize;
        }
        if (size < 0)
        {
            Errors["pageSize"] = (ErrorReasons.NumberOutOfRange, "must not be negative");
        }
        return size <= 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
    }

    /// <summary>A body's name, or null when the parameter is absent (every body).</summary>
    public string? Body(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!JointPlanningBodies.IsBody(value))
        {
            Errors[parameter] = (ErrorReasons.NotAllowedValue, $"must be one of {string.Join(", ", JointPlanningBodies.All)}");
        }
        return value;
    }

    /// <summary>A conference status by its proto name, with or without the CONFERENCE_STATUS_ prefix, in any case.</summary>
    public ConferenceStatus Status(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ConferenceStatus.Unspecified;
        }
        var name = value.ToUpperInvariant();
        var status = ConferenceStatuses.Values.FirstOrDefault(v => v.Number != 0 && (v.Name == name || v.Name == "CONFERENCE_STATUS_" + name));
        if (status is null)
        {
            var names = ConferenceStatuses.Values.Where(v => v.Number != 0).Select(v => v.Name["CONFERENCE_STATUS_".Length..]);
            Errors["status"] = (ErrorReasons.NotAllowedValue, $"must be one of {string.Join(", ", names)}");
            return ConferenceStatus.Unspecified;
        }
        return (ConferenceStatus)status.Number;
    }

    public bool Flag(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (!bool.TryParse(value, out var flag))
        {
            Errors[parameter] = (ErrorReasons.NotAllowedValue, "must be true or false");
        }
        return flag;
    }

    /// <summary>A conference id to filter by: "&lt;lead body&gt;.&lt;slug&gt;", as the services store it.</summary>
    public string ConferenceId(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value.Length > 100 || JointPlanningBodies.LeadOf(value) is null)
        {
            Errors[parameter] = (ErrorReasons.InvalidFormat, "must be a conference id '<lead body>.<slug>' of at most 100 characters");
        }
        return value;
    }
}
