using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>
/// What a chat tool says about one of its accounts: the work e-mail, locale and IANA time zone, when it shares them, and
/// what kind of account it is and where it belongs (<see cref="ChatAccountFacts"/>), for <see cref="ChatAccountRule"/>.
/// </summary>
public sealed record ChatProfile(string? Email, string? Locale, string? TimeZone = null)
{
    public ChatMembership Membership { get; init; } = ChatMembership.FullMember;

    /// <summary>The workspaces or organisation the account belongs to (Slack: its <c>team_id</c> and Enterprise Grid id).</summary>
    public IReadOnlyList<string> Workspaces { get; init; } = [];

    public ChatAccountFacts Facts => new(Email, Membership, Workspaces);
}

/// <summary>
/// Asks a chat tool about an account ChatCrm does not know yet (Slack: <c>users.info</c>). Tools whose accounts come
/// from ChatCrm's own directory (Teams: the Entra object id) need none. Implemented by the channel adapter, so the
/// directory stays free of any channel's types.
/// </summary>
public interface IChatProfiles
{
    ChatChannel Channel { get; }

    /// <summary>The workspaces whose members may be linked by e-mail (Slack: <c>Slack:AllowedWorkspaces</c>); empty allows none.</summary>
    IReadOnlyCollection<string> AllowedWorkspaces { get; }

    /// <summary>The profile, or null when the tool does not share one (an error, an account it does not know).</summary>
    Task<ChatProfile?> LookUpAsync(ChatUser user, CancellationToken cancellationToken);
}
