using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Users;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Slack's side of <see cref="IChatProfiles"/>: <c>users.info</c> with <c>include_locale</c>, in the account's own
/// workspace (its bot token, or its Enterprise Grid's). A failed call means "no profile": the person gets the no-access answer, not an error.
/// The account's kind (bot, deactivated, guest, stranger) and workspaces go with the profile for <c>ChatAccountRule</c>.
/// </summary>
public sealed partial class SlackProfiles(SlackWebApiClient client, IOptions<SlackOptions> options, ILogger<SlackProfiles> logger) : IChatProfiles
{
    public ChatChannel Channel => ChatChannel.Slack;

    public IReadOnlyCollection<string> AllowedWorkspaces => options.Value.LinkableWorkspaces;

    public async Task<ChatProfile?> LookUpAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SlackUserKey.TryParse(user.ChannelUserId, out var key))
            return null;
        try
        {
            var info = await client.GetUserAsync(new SlackWorkspace(key.TeamId, user.Organization), key.UserId, cancellationToken);
            return new ChatProfile(info.Email, info.Locale, info.TimeZone)
            {
                Membership = Membership(info),
                Workspaces = new[] { info.TeamId, info.EnterpriseId }.OfType<string>().ToList(),
            };
        }
        catch (SlackApiException failure)
        {
            LogLookUpFailed(logger, failure.Error);
            return null;
        }
    }

    /// <summary>Deactivated first, then bot, stranger and guest: the first that applies is the reason given.</summary>
    private static ChatMembership Membership(SlackUserInfo info) => info switch
    {
        { IsDeleted: true } => ChatMembership.Deactivated,
        { IsBot: true } => ChatMembership.Bot,
        { IsStranger: true } => ChatMembership.External,
        { IsGuest: true } => ChatMembership.Guest,
        _ => ChatMembership.FullMember,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack users.info failed ({Error}); the account stays unlinked")]
    private static partial void LogLookUpFailed(ILogger logger, string error);
}
