using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>Maps the person behind a chat turn to a ChatCrm <see cref="User"/>.</summary>
public sealed partial class ChatUserDirectory(
    CrmDbContext db,
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    ILogger<ChatUserDirectory> logger)
{
    public async Task<User?> FindAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var user = await FindExistingAsync(turn, cancellationToken);
        if (user is not null || options.Value.DemoEnrollUnknownUsersAs is not { } role)
            return user;
        if (!environment.IsDevelopment())
        {
            LogEnrolmentIgnored(logger, environment.EnvironmentName);
            return null;
        }
        return await EnrolAsync(turn, role, cancellationToken);
    }

    private Task<User?> FindExistingAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Channel == ChatChannel.Teams)
        {
            var teamsId = TeamsDirectoryId(turn.User);
            return db.Users.FirstOrDefaultAsync(u => u.TeamsAadObjectId == teamsId, cancellationToken);
        }
        var slackKey = turn.User.ChannelUserId;
        return db.Users.FirstOrDefaultAsync(u => u.SlackUserKey == slackKey, cancellationToken);
    }

    private async Task<User> EnrolAsync(IncomingTurn turn, UserRole role, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(turn.User.DisplayName) ? "Demo user" : turn.User.DisplayName.Trim();
        if (name.Length > User.MaxNameLength)
            name = name[..User.MaxNameLength];
        var locale = turn.Locale is { Length: > 0 and <= 16 } given ? given : "en-US";
        var team = string.IsNullOrWhiteSpace(options.Value.DemoEnrollTeam) ? "Demo" : options.Value.DemoEnrollTeam.Trim();
        var user = new User(UserId.New(), name, role, team, "UTC", locale);
        if (turn.Channel == ChatChannel.Teams)
        {
            user.LinkTeams(TeamsDirectoryId(turn.User));
        }
        else
        {
            var parts = turn.User.ChannelUserId.Split(':', 2);
            user.LinkSlack(parts[0], parts.Length > 1 ? parts[1] : parts[0]);
        }
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        LogEnrolled(logger, user.Id.Value, role);
        return user;
    }

    /// <summary>Teams users are known by their Entra object id; a local tool without one falls back to the chat id.</summary>
    private static string TeamsDirectoryId(ChatUser user) => (user.DirectoryId ?? user.ChannelUserId).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo enrolment is configured but ignored outside Development (environment {Environment})")]
    private static partial void LogEnrolmentIgnored(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled demo user {UserId} as {Role}")]
    private static partial void LogEnrolled(ILogger logger, Guid userId, UserRole role);
}
