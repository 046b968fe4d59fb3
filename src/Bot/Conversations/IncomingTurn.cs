namespace ChatCrm.Bot.Conversations;

/// <summary>The chat tools ChatCrm lives in. Interactions logged in a chat record it as their channel.</summary>
public enum ChatChannel
{
    Teams = 1,
    Slack = 2,
}

/// <summary>The person behind a turn, as the chat tool identifies them.</summary>
/// <param name="ChannelUserId">The tool's id for the user (Teams "29:…", Slack "T…:U…").</param>
/// <param name="DirectoryId">The organisation-wide id when the tool has one (Teams: the Entra object id).</param>
public sealed record ChatUser(string ChannelUserId, string? DirectoryId, string? DisplayName)
{
    /// <summary>The organisation above the tool's workspace, when there is one (Slack: the Enterprise Grid id, whose org-wide install may answer for the workspace).</summary>
    public string? Organization { get; init; }
}

/// <summary>
/// Someone the message @mentions (other than the bot), as the chat tool identifies them: Teams sends the mention as
/// <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text (removed before parsing) and the account in an entity.
/// </summary>
/// <param name="ChannelUserId">The tool's id for the account (Teams "29:…").</param>
/// <param name="DirectoryId">The organisation-wide id, when the tool sends one with the mention (Teams: the Entra object id).</param>
public sealed record ChatMention(string ChannelUserId, string? DirectoryId, string? DisplayName);

/// <summary>A card button pressed: its verb and data, merged with the values of the card's inputs.</summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Values)
{
    public string? Value(string key) => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// One turn of a conversation, free of any Teams or Slack type: who spoke, in which conversation,
/// what they typed or which card action they took, and their locale.
/// </summary>
public sealed record IncomingTurn(ChatChannel Channel, string ConversationId, ChatUser User, string? Text, CardAction? Action, string? Locale)
{
    public const int MaxTextLength = 8000;

    /// <summary>The people the message mentions, in the order they appear; empty when the tool sends none.</summary>
    public IReadOnlyList<ChatMention> Mentions { get; init; } = [];

    /// <summary>
    /// The IANA time zone the person's client reports with this turn (Teams' clientInfo), or null. The directory
    /// takes it as the user's zone unless they chose one with <c>settings</c>.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// The conversation has other people in it (a Teams channel or group chat, a Slack channel or group DM), so what the
    /// bot posts there is seen by all of them; false only for the person's own chat with the bot. Adapters say false
    /// only when the tool says the conversation is personal, so an unknown kind counts as shared.
    /// </summary>
    public bool IsShared { get; init; }

    /// <summary>Where dialog state is kept: the channel and its conversation id (ids are case-sensitive, so kept as sent).</summary>
    public string ConversationKey => $"{ChannelName}:{ConversationId}";

    public string UserKey => $"{ChannelName}:{User.ChannelUserId}";

    private string ChannelName => Channel == ChatChannel.Teams ? "teams" : "slack";
}
