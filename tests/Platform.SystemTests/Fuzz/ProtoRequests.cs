using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// Request messages built from their descriptors: every field (nested messages, repeated fields, maps, enums,
/// oneofs, well-known types) gets a random or boundary value, or is left out. Then, for the gRPC wire, the bytes
/// can be spoiled in ways no generated client would: a string field that is not UTF-8, a nested message cut
/// short, an unknown field.
/// </summary>
public sealed class ProtoRequests(FuzzValues values)
{
    private const int MaxDepth = 4;

    public IMessage Build(MessageDescriptor descriptor, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        if (descriptor.FullName == FieldMask.Descriptor.FullName)
        {
            return Mask(depth);
        }
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (!values.Chance(depth == 0 ? 0.85 : 0.7))
            {
                continue;
            }
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var entry = field.MessageType;
                for (var i = values.Count(); i > 0; i--)
                {
                    var key = Value(entry.FindFieldByNumber(1), depth + 1);
                    if (key is not null)
                    {
                        map[key] = Value(entry.FindFieldByNumber(2), depth + 1) ?? Default(entry.FindFieldByNumber(2));
                    }
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = values.Count();
                // One value repeated for long lists: building 2000 distinct nested messages costs time and proves nothing more.
                var first = values.Repeated(count, () => Value(field, depth + 1));
                for (var i = 0; i < count && first is not null; i++)
                {
                    list.Add(i == 0 || count < 50 ? Value(field, depth + 1) ?? first : first);
                }
            }
            else if (Value(field, depth + 1) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    /// <summary>The "current" message for mask paths (set by the caller to the resource being updated).</summary>
    public MessageDescriptor? MaskTarget { get; set; }

    private FieldMask Mask(int depth)
    {
        var mask = new FieldMask();
        var names = MaskTarget?.Fields.InDeclarationOrder().Select(f => f.Name).ToList() ?? ["name"];
        for (var i = values.Random.Next(0, 4); i > 0; i--)
        {
            mask.Paths.Add(values.Chance(0.7) ? values.Pick(names) : values.Pick(["", "*", "etag", "id", "no_such_field", "a.b.c", "Name", "fullName", values.String("FieldMask", "paths")]));
        }
        return mask;
    }

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => values.String(field.ContainingType.Name, field.Name),
        FieldType.Bytes => ByteString.CopyFrom(System.Text.Encoding.UTF8.GetBytes(values.Garbage(values.Random.Next(0, 64)))),
        FieldType.Bool => values.Chance(0.5),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => values.Int32(),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)values.Int32()),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => values.Int64(),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)values.Int64()),
        FieldType.Double => values.Double(),
        FieldType.Float => (float)values.Double(),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, values.EnumNumber(field.EnumType.Values.Select(v => v.Number).ToList())),
        FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName =>
            new Timestamp { Seconds = values.Int64(), Nanos = values.Int32() },
        FieldType.Message when depth <= MaxDepth => Build(field.MessageType, depth),
        _ => null,
    };

    private static object Default(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "",
        FieldType.Message => Activator.CreateInstance(field.MessageType.ClrType)!,
        _ => 0,
    };

    /// <summary>What was done to the bytes, for the failure report.</summary>
    public string Spoiled { get; private set; } = "";

    /// <summary>The message's bytes, spoiled in one way (or not at all) at random.</summary>
    public byte[] Wire(IMessage message)
    {
        var bytes = message.ToByteArray();
        Spoiled = "";
        var roll = values.Random.NextDouble();
        if (roll < 0.25 && StringFieldPath(message.Descriptor) is { } path)
        {
            var bad = values.Pick<byte[]>([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x41, 0xc0, 0xaf, 0x42]]);
            Spoiled = $"invalid UTF-8 {Convert.ToHexString(bad)} in {string.Join('.', path.Select(f => f.Name))}";
            return [.. bytes, .. Nest(path, bad)];
        }
        if (roll < 0.35 && values.Random.Next(0, 2) == 0 && NestedFieldPath(message.Descriptor) is { } nested)
        {
            // A nested message whose declared length runs past the end of the request.
            Spoiled = $"{string.Join('.', nested.Select(f => f.Name))} cut short";
            var tag = WireFormat.MakeTag(nested[0].FieldNumber, WireFormat.WireType.LengthDelimited);
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            output.WriteTag(tag);
            output.WriteLength(50);
            output.WriteRawTag(0x0a, 0x02, 0x41);
            output.Flush();
            return [.. bytes, .. stream.ToArray()];
        }
        if (roll < 0.45)
        {
            Spoiled = "unknown fields appended";
            return [.. bytes, 0xb8, 0x3e, 0x01, 0xc2, 0x3e, 0x03, 0x61, 0x62, 0x63]; // field 999 varint 1, field 1000 "abc"
        }
        return bytes;
    }

    /// <summary>A path of singular message fields ending in a string field, or null when the message has none.</summary>
    private List<FieldDescriptor>? StringFieldPath(MessageDescriptor descriptor, int depth = 0)
    {
        var candidates = descriptor.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.String || (f.FieldType == FieldType.Message && depth < 3 && !f.IsMap && StringFieldPath(f.MessageType, depth + 1) is not null))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var field = values.Pick(candidates);
        return field.FieldType == FieldType.String ? [field] : [field, .. StringFieldPath(field.MessageType, depth + 1)!];
    }

    private List<FieldDescriptor>? NestedFieldPath(MessageDescriptor descriptor)
    {
        var nested = descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message && !f.IsMap).ToList();
        return nested.Count == 0 ? null : [values.Pick(nested)];
    }

    /// <summary>Wraps <paramref name="payload"/> as the last field of <paramref name="path"/>, inside its enclosing messages; protobuf merges it into them.</summary>
    private static byte[] Nest(IReadOnlyList<FieldDescriptor> path, byte[] payload)
    {
        var bytes = payload;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            output.WriteTag(path[i].FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(bytes));
            output.Flush();
            bytes = stream.ToArray();
        }
        return bytes;
    }
}
