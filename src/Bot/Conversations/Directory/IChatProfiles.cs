namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>What a chat tool says about one of its accounts: the work e-mail, locale and IANA time zone, when it shares them.</summary>
public sealed record ChatProfile(string? Email, string? Locale, string? TimeZone = null);

/// <summary>
/// Asks a chat tool about an account ChatCrm does not know yet (Slack: <c>users.info</c>). Tools whose accounts come
/// from ChatCrm's own directory (Teams: the Entra object id) need none. Implemented by the channel adapter, so the
/// directory stays free of any channel's types.
/// </summary>
public interface IChatProfiles
{
    ChatChannel Channel { get; }

    /// <summary>The profile, or null when the tool does not share one (a bot, a deactivated account, an error).</summary>
    Task<ChatProfile?> LookUpAsync(ChatUser user, CancellationToken cancellationToken);
}
