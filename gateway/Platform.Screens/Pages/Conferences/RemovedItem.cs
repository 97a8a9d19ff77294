using Google.Protobuf;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// An item a "Bỏ" button removed from a list (an agenda item, a bridge point, a good practice), written out so that
/// the page after it can offer to put it back: "kind|position|the item as protobuf JSON". It comes back from the
/// browser, so it is read like any input: the service validates the restored list as it validates an added item.
/// </summary>
public sealed record RemovedItem(string Kind, int Position, IMessage Item)
{
    public const string AgendaItem = "agenda-item";
    public const string BridgePoint = "bridge-point";
    public const string GoodPractice = "good-practice";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>The item at <paramref name="index"/> of <paramref name="items"/> written out, or null when there is none.</summary>
    public static string? Of<T>(string kind, int? index, IReadOnlyList<T> items) where T : IMessage =>
        index is { } i && i >= 0 && i < items.Count ? $"{kind}|{i}|{Formatter.Format(items[i])}" : null;

    /// <summary>The item written out by <see cref="Of{T}"/>; null when the text is not one.</summary>
    public static RemovedItem? Parse(string? text)
    {
        if (text?.Split('|', 3) is not [var kind, var position, var json] || !int.TryParse(position, out var at) || at < 0)
        {
            return null;
        }
        try
        {
            IMessage? item = kind switch
            {
                AgendaItem => Parser.Parse<Platform.JointPlanning.V1.AgendaItem>(json),
                BridgePoint => Parser.Parse<Platform.JointPlanning.V1.BridgePoint>(json),
                GoodPractice => Parser.Parse<Platform.JointPlanning.V1.GoodPractice>(json),
                _ => null,
            };
            return item is null ? null : new RemovedItem(kind, at, item);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        catch (InvalidJsonException)
        {
            return null;
        }
    }

    /// <summary>The list with the item back at its position, or last when the list is shorter now.</summary>
    public List<T> InsertInto<T>(IEnumerable<T> current) where T : IMessage
    {
        var list = current.ToList();
        list.Insert(Math.Min(Position, list.Count), (T)Item);
        return list;
    }
}

/// <summary>What the "Hoàn tác" button posts: the removal (nothing shown when null) and the etag of the list as it is now.</summary>
public sealed record UndoForm(string ConferenceId, string Etag, string? Removed);
