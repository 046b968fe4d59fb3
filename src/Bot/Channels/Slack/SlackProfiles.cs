using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Slack's side of <see cref="IChatProfiles"/>: <c>users.info</c> with <c>include_locale</c>, in the account's own
/// workspace (its bot token, or its Enterprise Grid's). A failed call means "no profile": the person gets the no-access answer, not an error.
/// </summary>
public sealed partial class SlackProfiles(SlackWebApiClient client, ILogger<SlackProfiles> logger) : IChatProfiles
{
    public ChatChannel Channel => ChatChannel.Slack;

    public async Task<ChatProfile?> LookUpAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SlackUserKey.TryParse(user.ChannelUserId, out var key))
            return null;
        try
        {
            var info = await client.GetUserAsync(new SlackWorkspace(key.TeamId, user.Organization), key.UserId, cancellationToken);
            return info.IsBotOrDeleted ? null : new ChatProfile(info.Email, info.Locale, info.TimeZone);
        }
        catch (SlackApiException failure)
        {
            LogLookUpFailed(logger, failure.Error);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack users.info failed ({Error}); the account stays unlinked")]
    private static partial void LogLookUpFailed(ILogger logger, string error);
}
