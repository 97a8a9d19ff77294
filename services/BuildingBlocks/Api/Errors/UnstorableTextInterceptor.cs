using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Refuses text PostgreSQL cannot hold, a NUL character (U+0000), in any string field of any request, with
/// InvalidArgument naming the field. Without it the NUL reaches the first query that uses the value and the
/// database's "invalid byte sequence" surfaces as Internal. Runs after the access rules.
/// </summary>
public sealed class UnstorableTextInterceptor : Interceptor
{
    private const int MaxDepth = 32;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message)
        {
            var validator = new RequestValidator();
            Check(message, "", validator, 0);
            validator.ThrowIfInvalid();
        }
        return continuation(request, context);
    }

    private static void Check(IMessage message, string prefix, RequestValidator validator, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    CheckValue(entry.Key, $"{path}[{entry.Key}]", validator, depth);
                    CheckValue(entry.Value, $"{path}[{entry.Key}]", validator, depth);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    CheckValue(item, $"{path}[{index++}]", validator, depth);
                }
            }
            else if (field.FieldType is FieldType.String or FieldType.Message)
            {
                CheckValue(value, path, validator, depth);
            }
        }
    }

    private static void CheckValue(object? value, string path, RequestValidator validator, int depth)
    {
        switch (value)
        {
            case string text when text.Contains('\0'):
                validator.Require(false, path, Violation.Of(ErrorReasons.MalformedValue, "must not contain the NUL character (U+0000)"));
                break;
            case IMessage inner:
                Check(inner, path, validator, depth + 1);
                break;
        }
    }
}
