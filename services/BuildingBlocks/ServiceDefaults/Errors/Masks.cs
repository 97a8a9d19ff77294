using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Platform.ServiceDefaults.Errors;

/// <summary>AIP-134 updates: the fields named in the mask are taken from the request, the rest kept.</summary>
public static class Masks
{
    private static readonly FieldMask.MergeOptions Replace = new() { ReplacePrimitiveFields = true, ReplaceRepeatedFields = true };

    public static void Merge<T>(IEnumerable<string> paths, T from, T into) where T : IMessage<T>
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        mask.Merge(from, into, Replace);
    }
}
