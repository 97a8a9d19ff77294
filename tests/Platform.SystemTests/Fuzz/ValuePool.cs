using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// The identifiers the platform handed back so far (ids, codes, etags, page tokens), by field name, so that the
/// fuzzer can name things that exist: a random id only ever reaches NotFound, a real one reaches the update's
/// checks, its etag and its mask. Also keyed by the message they came from ("candidate.id"), so that
/// GetCandidateRequest.id prefers a candidate's id.
/// </summary>
public sealed class ValuePool
{
    private const int PerKey = 40;
    private static readonly string[] Kept = ["id", "code", "etag", "page_token", "next_page_token", "national_id", "election_id",
        "constituency_id", "conference_id", "candidate_id", "task_id", "movement_id", "parent_code", "province_code", "unit_code"];

    private readonly Dictionary<string, List<string>> _values = [];

    public void Harvest(IMessage message, int depth = 0)
    {
        if (depth > 4)
        {
            return;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            switch (field.FieldType)
            {
                case FieldType.String when !field.IsRepeated && value is string { Length: > 0 and <= 200 } text && Kept.Contains(field.Name):
                    Add(field.Name == "next_page_token" ? "page_token" : field.Name, text);
                    Add($"{Snake(message.Descriptor.Name)}.{field.Name}", text);
                    if (field.Name == "id")
                    {
                        Add($"{Snake(message.Descriptor.Name)}_id", text);
                    }
                    break;
                case FieldType.Message when field.IsRepeated && value is System.Collections.IEnumerable items:
                    foreach (var item in items.OfType<IMessage>().Take(5))
                    {
                        Harvest(item, depth + 1);
                    }
                    break;
                case FieldType.Message when !field.IsRepeated && value is IMessage inner:
                    Harvest(inner, depth + 1);
                    break;
            }
        }
    }

    public bool TryPick(string message, string field, Random random, out string value)
    {
        // "GetCandidateRequest" + "id" → "candidate.id"; "Candidate" + "etag" → "candidate.etag"; then the plain name.
        var entity = Snake(message.Replace("Request", "")).Split('_', 2) switch
        {
            [var verb, var rest] when verb is "get" or "update" or "create" or "delete" or "list" or "settle" or "report" => rest,
            var parts => string.Join('_', parts),
        };
        foreach (var key in new[] { $"{entity}.{field}", $"{Snake(message)}.{field}", field })
        {
            if (_values.TryGetValue(key, out var values) && values.Count > 0)
            {
                value = values[random.Next(values.Count)];
                return true;
            }
        }
        value = "";
        return false;
    }

    private void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var values))
        {
            _values[key] = values = [];
        }
        if (!values.Contains(value))
        {
            if (values.Count >= PerKey)
            {
                values.RemoveAt(0);
            }
            values.Add(value);
        }
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
