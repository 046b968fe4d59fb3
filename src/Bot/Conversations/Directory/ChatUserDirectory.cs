using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>
/// Maps the person behind a chat turn to a ChatCrm <see cref="User"/>. An account not yet linked is looked up in its
/// chat tool (<see cref="IChatProfiles"/>): when the e-mail it reports belongs to exactly one ChatCrm user who has no
/// account of that tool yet, the account is linked to them (stored and audited as a directory change) and the tool's
/// locale kept, so the bot answers in their language; otherwise the person gets the polite no-access answer.
/// </summary>
public sealed partial class ChatUserDirectory(
    CrmDbContext db,
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    IEnumerable<IChatProfiles> profiles,
    TimeProvider time,
    ILogger<ChatUserDirectory> logger)
{
    /// <param name="lookUp">
    /// False where an answer is due within a request (Slack's 3 seconds): no call to the chat tool, only what is stored.
    /// </param>
    public async Task<User?> FindAsync(IncomingTurn turn, CancellationToken cancellationToken, bool lookUp = true)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var user = await FindExistingAsync(turn, cancellationToken);
        if (user is null && lookUp)
            user = await LinkByProfileAsync(turn, cancellationToken);
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
            return FindTeamsUserAsync(turn.User, cancellationToken);
        if (!SlackUserKey.TryParse(turn.User.ChannelUserId, out var slackKey))
            return Task.FromResult<User?>(null);
        return db.Users.FirstOrDefaultAsync(u => u.SlackUserKey == slackKey, cancellationToken);
    }

    /// <summary>
    /// By the Entra object id; else by the "29:…" chat id an admin linked ("admin map teams 29:…"), which is then
    /// replaced by the object id the turn carries, so the link survives the chat id being re-issued.
    /// </summary>
    private async Task<User?> FindTeamsUserAsync(ChatUser chatUser, CancellationToken cancellationToken)
    {
        var teamsId = TeamsDirectoryId(chatUser);
        var user = await db.Users.FirstOrDefaultAsync(u => u.TeamsAadObjectId == teamsId, cancellationToken);
        var chatId = chatUser.ChannelUserId.ToLowerInvariant();
        if (user is not null || chatUser.DirectoryId is null || chatId == teamsId)
            return user;
        user = await db.Users.FirstOrDefaultAsync(u => u.TeamsAadObjectId == chatId, cancellationToken);
        user?.LinkTeams(teamsId);
        return user;
    }

    private async Task<User?> LinkByProfileAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Channel != ChatChannel.Slack || profiles.FirstOrDefault(p => p.Channel == turn.Channel) is not { } source)
            return null;
        var profile = await source.LookUpAsync(turn.User, cancellationToken);
        var email = profile?.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > User.MaxEmailLength)
        {
            LogNotLinked(logger, "no e-mail shared");
            return null;
        }
        var matches = await db.Users.Where(u => u.Email == email).Take(2).ToListAsync(cancellationToken);
        if (matches.Count != 1)
        {
            LogNotLinked(logger, matches.Count == 0 ? "no user has that e-mail" : "several users share that e-mail");
            return null;
        }
        var user = matches[0];
        if (user.SlackUserKey is not null)
        {
            LogNotLinked(logger, "the user is linked to another Slack account");
            return null;
        }
        user.LinkSlack(SlackUserKey.Parse(turn.User.ChannelUserId));
        if (profile!.Locale is { Length: > 0 and <= 16 } locale)
            user.UseLocale(locale);
        db.AuditEntries.Add(new AuditEntry(user.Id, AuditAction.DirectoryChanged, null, turn.Channel.ToString(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        LogLinked(logger, user.Id.Value);
        return user;
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
            user.LinkSlack(SlackUserKey.Parse(turn.User.ChannelUserId));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked a Slack account to user {UserId} by the e-mail Slack reported")]
    private static partial void LogLinked(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "An unknown Slack account was not linked: {Reason}")]
    private static partial void LogNotLinked(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled demo user {UserId} as {Role}")]
    private static partial void LogEnrolled(ILogger logger, Guid userId, UserRole role);
}
