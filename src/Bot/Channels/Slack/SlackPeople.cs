using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// The ChatCrm user behind a Slack request that must be answered inside Slack's 3 seconds (opening or checking a
/// modal): found by their linked account only. Linking an unknown account through <c>users.info</c> is a Web API
/// call, so it is left to the worker.
/// </summary>
public sealed class SlackPeople(ChatUserDirectory directory)
{
    /// <summary>A turn naming the person only, for what needs a <see cref="TurnContext"/> (need-to-know, audit).</summary>
    public static IncomingTurn Turn(string teamId, string userId, string? userName, string? enterpriseId = null)
    {
        var key = new SlackUserKey(teamId, userId).ToString();
        return new(ChatChannel.Slack, key, new ChatUser(key, null, userName) { Organization = enterpriseId }, Text: null, Action: null, Locale: null);
    }

    public Task<User?> FindAsync(string teamId, string userId, string? userName, CancellationToken cancellationToken) =>
        directory.FindAsync(Turn(teamId, userId, userName), cancellationToken, lookUp: false);
}
