using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Bot.Channels.Teams.Protocol;

/// <summary>
/// A Bot Framework Activity (protocol v3), with the fields ChatCrm reads or writes. Everything Teams-specific
/// stays inside <c>Channels/Teams</c>: the conversation core never sees these types.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? Locale { get; set; }

    /// <summary>The IANA time zone of the sender's client ("Europe/Madrid"), when the client says it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LocalTimezone { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Summary { get; set; }

    public string? InputHint { get; set; }

    public string? ReplyToId { get; set; }

    /// <summary>For <c>invoke</c> activities: which operation.</summary>
    public string? Name { get; set; }

    /// <summary>For <c>installationUpdate</c>: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; set; }

    public IList<Attachment>? Attachments { get; init; }

    public IList<ChannelAccount>? MembersAdded { get; init; }

    public IList<ChannelAccount>? MembersRemoved { get; init; }

    public JsonElement? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    public IList<JsonElement>? Entities { get; init; }
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public object? Content { get; set; }

    public string? Name { get; set; }
}

/// <summary>The Bot Framework's activity type names.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

/// <summary>The JSON shape of the wire protocol: camelCase, nulls left out.</summary>
public static class BotFrameworkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Activities go to an API, never into HTML: accented text travels as UTF-8, not as \uXXXX escapes
        // that would triple the size of a Spanish summary against the connector's message size limits.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
