using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Platform.Api.Errors;

/// <summary>AIP-134 updates: the fields named in the mask are taken from the request, the rest kept.</summary>
public static class Masks
{
    // A path naming a message ("chair") takes the message given, whole: merging it field by field (protobuf's default)
    // kept an old value wherever the new one is empty, so a field inside could never be cleared. A deeper path
    // ("chair.title") still changes that field alone.
    private static readonly FieldMask.MergeOptions Replace = new() { ReplacePrimitiveFields = true, ReplaceRepeatedFields = true, ReplaceMessageFields = true };

    public static void Merge<T>(IEnumerable<string> paths, T from, T into) where T : IMessage<T>
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        mask.Merge(from, into, Replace);
    }
}
