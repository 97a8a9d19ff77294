using Google.Rpc;
using Grpc.Core;

namespace Platform.Screens.Forms;

/// <summary>
/// What a service's refusal says to a program (AIP-193): the ErrorInfo reason and metadata, and each field
/// violation with its reason and the values it names (metadata "violation{index}{Name}", as the services write it).
/// </summary>
public sealed record ServiceRefusal(string Reason, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<FieldProblem> Fields)
{
    public static ServiceRefusal Of(RpcException failure)
    {
        var status = failure.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var metadata = info?.Metadata.ToDictionary(m => m.Key, m => m.Value) ?? [];
        var fields = (status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            .Select((v, index) => new FieldProblem(v.Field, v.Reason, v.Description, ValuesOf(metadata, index)))
            .ToList();
        return new ServiceRefusal(info?.Reason ?? "", metadata, fields);
    }

    private static Dictionary<string, string> ValuesOf(Dictionary<string, string> metadata, int index)
    {
        var prefix = $"violation{index}";
        // "violation1Max" belongs to violation 1, not to violation 1x: the name after the index starts upper-case.
        return metadata.Where(m => m.Key.Length > prefix.Length && m.Key.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(m.Key[prefix.Length]))
            .ToDictionary(m => m.Key[prefix.Length..], m => m.Value);
    }
}

/// <summary>One field at fault: its path, reason, English description (for the log) and the values its reason names.</summary>
public sealed record FieldProblem(string Field, string Reason, string Description, IReadOnlyDictionary<string, string> Values);
