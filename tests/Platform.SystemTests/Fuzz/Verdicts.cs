using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Platform.Contracts.Errors;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// What the platform promises for any request, however bad: a clear status (never Internal, Unknown or a 5xx) carrying
/// one google.rpc.ErrorInfo with a reason of ErrorReasons (AIP-193), and an InvalidArgument / 400 that names the offending field as a path of the request (google.rpc.BadRequest field
/// violations, the project's convention: ErrorMappingInterceptor). Returns the broken promise, or null.
/// </summary>
public static partial class Verdicts
{
    /// <summary>The statuses bad input may get; anything else (Internal, Unknown, Unavailable…) is a bug or a crash.</summary>
    private static readonly HashSet<StatusCode> Clear =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.PermissionDenied, StatusCode.OutOfRange, StatusCode.ResourceExhausted,
    ];

    public static string? OfGrpc(Rpc rpc, StatusCode code, string detail, Metadata trailers)
    {
        if (!Clear.Contains(code))
        {
            return $"{code}: {detail}";
        }
        if (code == StatusCode.OK)
        {
            return null;
        }
        var details = trailers.GetValueBytes("grpc-status-details-bin");
        if (details is null)
        {
            return $"{code} without google.rpc.Status details (no ErrorInfo reason): {detail}";
        }
        var status = Google.Rpc.Status.Parser.ParseFrom(details);
        if (Unreasoned(status.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).ToList(),
                status.Details.Where(d => d.Is(BadRequest.Descriptor)).SelectMany(d => d.Unpack<BadRequest>().FieldViolations).Select(v => v.Reason)) is { } unreasoned)
        {
            return $"{code} {unreasoned}: {detail}";
        }
        if (code != StatusCode.InvalidArgument)
        {
            return null;
        }
        var violations = status.Details
            .Where(d => d.Is(BadRequest.Descriptor)).SelectMany(d => d.Unpack<BadRequest>().FieldViolations)
            .Select(v => v.Field).ToList();
        if (violations.Count == 0)
        {
            return $"InvalidArgument without google.rpc.BadRequest details: {detail}";
        }
        return UnnamedField(rpc.Method.InputType, violations, detail);
    }

    /// <summary>
    /// AIP-193: exactly one ErrorInfo, its reason one of <see cref="ErrorReasons"/> and a domain; each field violation
    /// with a catalogued reason too. Null when so, otherwise what is missing.
    /// </summary>
    public static string? Unreasoned(IReadOnlyList<ErrorInfo> infos, IEnumerable<string> violationReasons)
    {
        if (infos.Count != 1)
        {
            return $"with {infos.Count} ErrorInfo details, not one";
        }
        if (!Catalogue.Contains(infos[0].Reason) || infos[0].Domain.Length == 0)
        {
            return $"with the ErrorInfo reason '{infos[0].Reason}' (domain '{infos[0].Domain}'), not one of ErrorReasons";
        }
        var unknown = violationReasons.Where(r => !Catalogue.Contains(r)).ToList();
        return unknown.Count == 0 ? null : $"with field violation reasons not in ErrorReasons: '{string.Join("', '", unknown)}'";
    }

    private static readonly HashSet<string> Catalogue = typeof(ErrorReasons)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

    public static string? OfHttp(MessageDescriptor? input, HttpStatusCode status, string body)
    {
        if ((int)status >= 500)
        {
            return $"{(int)status} {status}: {Truncated(body)}";
        }
        if ((int)status is >= 200 and < 300 && body.Length == 0)
        {
            return $"{(int)status} with an empty body: a success that says nothing";
        }
        if ((int)status < 400)
        {
            return null;
        }
        if (body.Length == 0)
        {
            // Kestrel's own answer to a request it cannot route at all (a NUL or a raw space in the path): refused before
            // any application code, so there is no field to name.
            return null;
        }
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return $"{(int)status} whose body is not JSON: {Truncated(body)}";
        }
        if (UnreasonedJson(json) is { } unreasoned)
        {
            return $"{(int)status} {unreasoned}: {Truncated(body)}";
        }
        if (status != HttpStatusCode.BadRequest)
        {
            return null;
        }
        // The gateway's own endpoints answer with a validation problem (RFC 9457): its errors are keyed by parameter.
        if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            return errors.EnumerateObject().Any() && errors.EnumerateObject().All(e => e.Name.Length > 0)
                ? null : $"400 validation problem naming no parameter: {Truncated(body)}";
        }
        // Transcoded RPCs answer with the google.rpc.Status as JSON.
        var violations = json.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
            ? details.EnumerateArray()
                .Where(d => d.TryGetProperty("fieldViolations", out _))
                .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
                .Select(v => v.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "").ToList()
            : [];
        var message = json.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        // The JSON transcoder refuses a body or parameter it cannot convert (not JSON, a number where a string goes,
        // an unknown enum name) before the service sees it, with InvalidArgument and no details: a clear status, but
        // one naming no field (the services themselves never answer InvalidArgument without field violations).
        if (input is not null && violations.Count == 0 && json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == 3)
        {
            return null;
        }
        return input is null ? (violations.Count > 0 ? null : $"400 naming no field: {Truncated(body)}") : UnnamedField(input, violations, message);
    }

    /// <summary>The JSON error's ErrorInfo and field violation reasons, judged as <see cref="Unreasoned"/> does.</summary>
    private static string? UnreasonedJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            return "without details (no ErrorInfo reason)";
        }
        var infos = details.EnumerateArray()
            .Where(d => d.TryGetProperty("@type", out var type) && type.GetString() == "type.googleapis.com/google.rpc.ErrorInfo")
            .Select(d => new ErrorInfo
            {
                Reason = d.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "",
                Domain = d.TryGetProperty("domain", out var o) ? o.GetString() ?? "" : "",
            }).ToList();
        var violationReasons = details.EnumerateArray()
            .Where(d => d.TryGetProperty("fieldViolations", out _))
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => v.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
        return Unreasoned(infos, violationReasons);
    }

    private static string? UnnamedField(MessageDescriptor input, IReadOnlyList<string> fields, string message)
    {
        if (fields.Count == 0)
        {
            return $"InvalidArgument naming no field: {Truncated(message)}";
        }
        var unknown = fields.Where(f => !IsFieldPath(input, f)).ToList();
        return unknown.Count == 0 ? null : $"InvalidArgument naming '{string.Join("', '", unknown)}', not a field of {input.Name}: {Truncated(message)}";
    }

    /// <summary>"candidate.full_name", "requests[3].candidate.birth_date", "conference.coOrganizers[0]": each step a field (proto or JSON name).</summary>
    public static bool IsFieldPath(MessageDescriptor message, string path)
    {
        if (path.Length == 0)
        {
            return false;
        }
        MessageDescriptor? current = message;
        foreach (var step in Index().Replace(path, "").Split('.'))
        {
            var field = current?.Fields.InDeclarationOrder().FirstOrDefault(f => f.Name == step || f.JsonName == step);
            if (field is null)
            {
                return false;
            }
            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }
        return true;
    }

    private static string Truncated(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
