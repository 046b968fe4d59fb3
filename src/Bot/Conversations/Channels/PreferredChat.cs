using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>The chat a person is written to unasked (a pushed card, a notice), "as they prefer".</summary>
public static class PreferredChat
{
    /// <summary>Slack when their digest goes to Slack or Slack is all they have linked, else Teams; null with neither linked.</summary>
    public static ChatChannel? Of(User user, DigestChannel? digestChannel)
    {
        ArgumentNullException.ThrowIfNull(user);
        var teams = user.TeamsAadObjectId is not null;
        var slack = user.SlackUserKey is not null;
        if (slack && (digestChannel == DigestChannel.Slack || !teams))
            return ChatChannel.Slack;
        return teams ? ChatChannel.Teams : null;
    }

    /// <summary><see cref="Of(User, DigestChannel?)"/> with the channel of the person's digest read from the database.</summary>
    public static async Task<ChatChannel?> OfAsync(CrmDbContext db, User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.Id;
        var digest = await db.DigestSubscriptions.AsNoTracking().Where(s => s.ManagerId == userId)
            .Select(s => (DigestChannel?)s.Channel).FirstOrDefaultAsync(cancellationToken);
        return Of(user, digest);
    }
}
