using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Turns a Teams <c>message</c> activity into the channel-neutral <see cref="IncomingTurn"/>.</summary>
public static partial class TeamsTurnMapper
{
    public static IncomingTurn ToTurn(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From!;
        var user = new ChatUser(from.Id!, string.IsNullOrWhiteSpace(from.AadObjectId) ? null : from.AadObjectId, from.Name);
        var action = ReadAction(activity.Value);
        var text = action is null ? CleanText(activity.Text) : null;
        return new IncomingTurn(ChatChannel.Teams, activity.Conversation!.Id!, user, text, action, activity.Locale)
        {
            Mentions = action is null ? ReadMentions(activity) : [],
            TimeZone = ReadTimeZone(activity),
            IsShared = IsShared(activity),
        };
    }

    /// <summary>Anything but a personal (1:1) chat: a group chat, a channel, or a conversation whose kind Teams did not say.</summary>
    public static bool IsShared(Activity activity) =>
        !string.Equals(activity?.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The sender's time zone as their client reports it: the <c>clientInfo</c> entity's <c>timezone</c>, else the
    /// activity's <c>localTimezone</c>. Whether it is a real IANA id is the directory's check, not the adapter's.
    /// </summary>
    internal static string? ReadTimeZone(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && Text(entity, "type") == "clientInfo" && Text(entity, "timezone") is { Length: <= 64 } zone)
                return zone;
        }
        return activity.LocalTimezone is { Length: > 0 and <= 64 } local ? local.Trim() : null;
    }

    /// <summary>
    /// The accounts the message @mentions, from its <c>mention</c> entities, except the bot itself (in channels every
    /// message to the bot mentions it). Entities that are not objects or lack an id are skipped.
    /// </summary>
    internal static IReadOnlyList<ChatMention> ReadMentions(Activity activity)
    {
        if (activity.Entities is not { Count: > 0 } entities)
            return [];
        var mentions = new List<ChatMention>();
        foreach (var entity in entities)
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
                continue;
            var id = Text(mentioned, "id");
            if (id is null || id.Length > 200 || string.Equals(id, activity.Recipient?.Id, StringComparison.Ordinal))
                continue;
            mentions.Add(new ChatMention(id, Text(mentioned, "aadObjectId"), Text(mentioned, "name")));
        }
        return mentions;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>
    /// Strips the bot's @mention (channels and group chats only deliver messages that mention the bot),
    /// any other markup Teams adds, and HTML entities.
    /// </summary>
    public static string? CleanText(string? text)
    {
        if (text is null)
            return null;
        var withoutMentions = StripMentions(text);
        var withoutTags = Tag().Replace(withoutMentions, " ");
        return WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ').Trim();
    }

    /// <summary>
    /// A button's data merged with the card's inputs: an <c>Action.Submit</c> press arrives as a message whose value is
    /// that; an <c>Action.Execute</c> press as an invoke whose <c>action.data</c> is (its verb given beside the data).
    /// Null when there is no verb.
    /// </summary>
    internal static CardAction? ReadAction(JsonElement? value, string? verb = null)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
            return null;
        if (verb is null && data.TryGetProperty(AdaptiveCardRenderer.VerbKey, out var verbInData) && verbInData.ValueKind == JsonValueKind.String)
            verb = verbInData.GetString();
        if (string.IsNullOrWhiteSpace(verb))
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String)
                values[property.Name] = property.Value.GetString()!;
            else if (property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                values[property.Name] = property.Value.GetRawText();
        }
        return new CardAction(verb, values);
    }

    /// <summary>Removes each <c>&lt;at&gt;…&lt;/at&gt;</c> in one linear pass (an unclosed one is left to the tag stripper).</summary>
    private static string StripMentions(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("<at>", position, StringComparison.OrdinalIgnoreCase);
            var close = open < 0 ? -1 : text.IndexOf("</at>", open, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
                break;
            result.Append(text, position, open - position).Append(' ');
            position = close + "</at>".Length;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    [GeneratedRegex("<[^>]{1,200}>", RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tag();
}
