using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Finds why request bytes are not a valid message of their type, and where: the path of the field (as
/// <see cref="FieldViolation.Field"/> names it, e.g. "requests[2].candidate.full_name") whose string is not UTF-8
/// or whose bytes end too soon. Protobuf's parser only says "String is invalid UTF-8", and only after the gRPC
/// framework has already turned that into the status Unknown.
/// </summary>
public static class WireProblems
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int MaxDepth = 64;

    /// <summary>The first problem in <paramref name="bytes"/> as a message of <paramref name="type"/>, or null if there is none.</summary>
    public static FieldViolation? Find(MessageDescriptor type, ReadOnlySpan<byte> bytes) => Find(type, bytes.ToArray(), "", 0);

    private static FieldViolation? Find(MessageDescriptor type, byte[] bytes, string prefix, int depth)
    {
        var input = new CodedInputStream(bytes);
        var occurrences = new Dictionary<int, int>();
        FieldDescriptor? field = null;
        var path = prefix.Length == 0 ? "(message)" : prefix;
        try
        {
            while (!input.IsAtEnd)
            {
                var tag = input.ReadTag();
                field = type.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
                if (field is null || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                {
                    path = field is null ? path : PathOf(prefix, field, occurrences);
                    input.SkipLastField();
                    continue;
                }
                path = PathOf(prefix, field, occurrences);
                var value = input.ReadBytes().ToByteArray();
                switch (field.FieldType)
                {
                    case FieldType.String when !IsUtf8(value):
                        return new FieldViolation(path, Violation.Of(ErrorReasons.MalformedValue, "is not valid UTF-8 text"));
                    case FieldType.Message when depth >= MaxDepth:
                        return new FieldViolation(path, Violation.Of(ErrorReasons.MalformedValue, "is nested too deeply"));
                    case FieldType.Message when Find(field.MessageType, value, path, depth + 1) is { } inner:
                        return inner;
                }
            }
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return new FieldViolation(path, Violation.Of(ErrorReasons.MalformedValue, "is cut short or malformed: these are not the bytes of a valid request"));
        }
    }

    private static string PathOf(string prefix, FieldDescriptor field, Dictionary<int, int> occurrences)
    {
        var name = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
        if (!field.IsRepeated || field.IsMap)
        {
            return name;
        }
        var index = occurrences.GetValueOrDefault(field.FieldNumber);
        occurrences[field.FieldNumber] = index + 1;
        return $"{name}[{index}]";
    }

    private static bool IsUtf8(byte[] value)
    {
        try
        {
            StrictUtf8.GetCharCount(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
