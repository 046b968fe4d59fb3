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
    public static IncomingTurn Turn(string teamId, string userId, string? userName) =>
        new(ChatChannel.Slack, $"{teamId}:{userId}", new ChatUser($"{teamId}:{userId}", null, userName), Text: null, Action: null, Locale: null);

    public Task<User?> FindAsync(string teamId, string userId, string? userName, CancellationToken cancellationToken) =>
        directory.FindAsync(Turn(teamId, userId, userName), cancellationToken, lookUp: false);
}
