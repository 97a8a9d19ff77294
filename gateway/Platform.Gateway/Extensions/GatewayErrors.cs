using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Platform.Contracts.Errors;
using Platform.Api.Errors;

namespace Platform.Gateway.Extensions;

/// <summary>
/// The errors the gateway answers itself, in the one shape every error of the platform has (AIP-193): a
/// google.rpc.Status whose ErrorInfo has a stable reason (<see cref="ErrorReasons"/>) and the domain "gateway" —
/// in the trailers of a gRPC call, or as the JSON body of a JSON one, just as the services' own errors come.
/// </summary>
public static class GatewayErrors
{
    /// <summary>The ErrorInfo domain of what the gateway refuses itself.</summary>
    public const string Domain = "gateway";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor)));

    public static Google.Rpc.Status Status(Code code, string reason, string message, params (string Key, string Value)[] metadata) =>
        Refusals.Status(code, Domain, reason, message, metadata);

    /// <summary>InvalidArgument naming each query or path parameter at fault, as the services name request fields.</summary>
    public static Google.Rpc.Status Invalid(IEnumerable<(string Parameter, string Reason, string Message)> problems)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(problems.Select(p =>
            new BadRequest.Types.FieldViolation { Field = p.Parameter, Reason = p.Reason, Description = p.Message }));
        var message = "The request is invalid: " + string.Join("; ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        return Refusals.Status(Code.InvalidArgument, Domain, ErrorReasons.InvalidFields, message, null, badRequest);
    }

    /// <summary>google.rpc.Status in proto3 JSON: {"code": 16, "message": "…", "details": [{"@type": "…ErrorInfo", "reason": "…"}]}.</summary>
    public static JsonObject Json(Google.Rpc.Status status) => JsonNode.Parse(Formatter.Format(status))!.AsObject();
}
