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
/// A person named in <c>Directory:BootstrapAdmins</c> (<see cref="BootstrapAdminRule"/>) whose account is not linked yet
/// becomes an admin on this first message, in any environment: added, or the user their e-mail found promoted; audited.
/// The account is linked (or bootstraps an admin) only when <see cref="ChatAccountRule"/> allows it: a full member of an
/// allowed workspace whose e-mail is at an allowed domain; otherwise the refusal is audited and kept in <see cref="Refusal"/>
/// for the answer (an account sharing no e-mail matches nobody: the usual no-access answer). Demo enrolment (Development only) still enrols a full member refused for the workspace or domain, as a new user.
/// A deactivated user is recognised (<see cref="IdentifyAsync"/>) but never returned by <see cref="FindAsync"/>.
/// </summary>
public sealed partial class ChatUserDirectory(
    CrmDbContext db,
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    IEnumerable<IChatProfiles> profiles,
    ChatAccountLinker linker,
    TimeProvider time,
    ILogger<ChatUserDirectory> logger)
{
    /// <summary>The user with this Teams id (an Entra object id, or a "29:…" chat id an admin linked): read on every Teams turn, so compiled once.</summary>
    private static readonly CompiledQueryPerModel<Func<CrmDbContext, string, CancellationToken, Task<User?>>> UserByTeamsId =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, string teamsId, CancellationToken _) => db.Users.FirstOrDefault(u => u.TeamsAadObjectId == teamsId)));

    /// <summary>Why the last account looked up was refused linking; null when it was not.</summary>
    public LinkRefusal? Refusal { get; private set; }

    /// <summary>The active user behind the turn; null for a stranger and for a deactivated user alike.</summary>
    /// <param name="lookUp">
    /// False where an answer is due within a request (Slack's 3 seconds): no call to the chat tool, only what is stored.
    /// </param>
    public async Task<User?> FindAsync(IncomingTurn turn, CancellationToken cancellationToken, bool lookUp = true) =>
        await IdentifyAsync(turn, cancellationToken, lookUp) is { IsActive: true } user ? user : null;

    /// <summary>
    /// The user behind the turn, deactivated or not, so the caller can tell a deactivated user why they are refused.
    /// The time zone the turn's client reports becomes the user's, unless they chose one (saved with the turn).
    /// </summary>
    public async Task<User?> IdentifyAsync(IncomingTurn turn, CancellationToken cancellationToken, bool lookUp = true)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var user = await IdentifyOrLinkAsync(turn, lookUp, cancellationToken);
        if (user is { IsActive: true } && user.AdoptReportedTimeZone(turn.TimeZone))
            LogZoneReported(logger, user.Id.Value);
        return user;
    }

    private async Task<User?> IdentifyOrLinkAsync(IncomingTurn turn, bool lookUp, CancellationToken cancellationToken)
    {
        var user = await FindExistingAsync(turn, cancellationToken);
        if (user is not null)
            return user;
        var source = lookUp ? profiles.FirstOrDefault(p => p.Channel == turn.Channel) : null;
        var profile = source is null ? null : await source.LookUpAsync(turn.User, cancellationToken);
        if (profile is not null
            && ChatAccountRule.Decide(profile.Facts, source!.AllowedWorkspaces, options.Value.LinkableEmailDomains) is { Allowed: false, Failed: not ChatAccountCheck.NoEmail } refused)
            return await RefuseAsync(turn, profile, refused, cancellationToken);
        if (profile is not null)
            user = await linker.LinkAsync(turn, profile, cancellationToken);
        var objectId = turn.Channel == ChatChannel.Teams ? turn.User.DirectoryId : null;
        if ((lookUp || objectId is not null) && BootstrapAdminRule.Match(options.Value.BootstrapAdmins, profile?.Email, objectId) is { } match)
            return await BootstrapAsync(turn, user, profile, match, cancellationToken);
        if (user is not null || options.Value.DemoEnrollUnknownUsersAs is not { } role)
            return user;
        if (!environment.IsDevelopment())
        {
            LogEnrolmentIgnored(logger, environment.EnvironmentName);
            return null;
        }
        return await EnrolAsync(turn, profile, role, cancellationToken);
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
        var user = await UserByTeamsId.For(db)(db, teamsId, cancellationToken);
        var chatId = chatUser.ChannelUserId.ToLowerInvariant();
        if (user is not null || chatUser.DirectoryId is null || chatId == teamsId)
            return user;
        user = await UserByTeamsId.For(db)(db, chatId, cancellationToken);
        user?.LinkTeams(teamsId);
        return user;
    }

    /// <summary>
    /// A refused account gets no link and cannot bootstrap an admin; a full member refused for the workspace or the domain
    /// may still be enrolled as a new demo user in Development.
    /// </summary>
    private async Task<User?> RefuseAsync(IncomingTurn turn, ChatProfile profile, ChatAccountDecision decision, CancellationToken cancellationToken)
    {
        Refusal = await linker.RefuseAsync(turn, profile, decision, cancellationToken);
        if (decision.Failed == ChatAccountCheck.Membership || options.Value.DemoEnrollUnknownUsersAs is not { } role || !environment.IsDevelopment())
            return null;
        Refusal = null;
        return await EnrolAsync(turn, profile, role, cancellationToken);
    }

    /// <summary>
    /// A configured first admin's first message: the user their e-mail linked is promoted (a deactivated one stays
    /// deactivated), or a new admin is added with this account linked. Audited as a directory change, ids only.
    /// </summary>
    private async Task<User> BootstrapAsync(IncomingTurn turn, User? user, ChatProfile? profile, BootstrapAdminMatch match, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (user is not null)
        {
            if (user.Role == UserRole.Admin || !user.IsActive)
                return user;
            var before = user.Role;
            user.ChangeRole(UserRole.Admin);
            db.AuditEntries.Add(new AuditEntry(user.Id, AuditAction.DirectoryChanged, null, turn.Channel.ToString(), now,
                details: $"bootstrap admin (Directory:BootstrapAdmins, by {match.MatchedBy}): user {user.Id}; role: {before} -> {UserRole.Admin}"));
            await db.SaveChangesAsync(cancellationToken);
            LogBootstrapped(logger, user.Id.Value, "promoted");
            return user;
        }

        var email = profile?.Email?.Trim().ToLowerInvariant() is { Length: > 0 and <= User.MaxEmailLength } reported ? reported : null;
        var name = string.IsNullOrWhiteSpace(turn.User.DisplayName) ? email ?? "Admin" : turn.User.DisplayName.Trim();
        if (name.Length > User.MaxNameLength)
            name = name[..User.MaxNameLength];
        var locale = (profile?.Locale ?? turn.Locale) is { Length: > 0 and <= 16 } given ? given : "en-US";
        var admin = new User(UserId.New(), name, UserRole.Admin, team: null, "UTC", locale);
        admin.AdoptReportedTimeZone(profile?.TimeZone);
        admin.UseEmail(email);
        if (turn.Channel == ChatChannel.Teams)
        {
            admin.LinkTeams(TeamsDirectoryId(turn.User));
        }
        else
        {
            var parts = turn.User.ChannelUserId.Split(':', 2);
            admin.LinkSlack(parts[0], parts.Length > 1 ? parts[1] : parts[0]);
        }
        db.Users.Add(admin);
        db.AuditEntries.Add(new AuditEntry(admin.Id, AuditAction.DirectoryChanged, null, turn.Channel.ToString(), now,
            details: $"bootstrap admin (Directory:BootstrapAdmins, by {match.MatchedBy}): user {admin.Id} added; role: none -> {UserRole.Admin}; "
                + $"{turn.Channel.ToString().ToLowerInvariant()} account linked"));
        await db.SaveChangesAsync(cancellationToken);
        LogBootstrapped(logger, admin.Id.Value, "added");
        return admin;
    }

    private async Task<User> EnrolAsync(IncomingTurn turn, ChatProfile? profile, UserRole role, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(turn.User.DisplayName) ? "Demo user" : turn.User.DisplayName.Trim();
        if (name.Length > User.MaxNameLength)
            name = name[..User.MaxNameLength];
        var locale = turn.Locale is { Length: > 0 and <= 16 } given ? given : "en-US";
        var team = string.IsNullOrWhiteSpace(options.Value.DemoEnrollTeam) ? "Demo" : options.Value.DemoEnrollTeam.Trim();
        var user = new User(UserId.New(), name, role, team, "UTC", locale);
        user.AdoptReportedLocale(profile?.Locale);
        user.AdoptReportedTimeZone(profile?.TimeZone);
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
    internal static string TeamsDirectoryId(ChatUser user) => (user.DirectoryId ?? user.ChannelUserId).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo enrolment is configured but ignored outside Development (environment {Environment})")]
    private static partial void LogEnrolmentIgnored(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap admin from Directory:BootstrapAdmins: user {UserId} {What} as Admin")]
    private static partial void LogBootstrapped(ILogger logger, Guid userId, string what);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId} takes the time zone their chat client reports")]
    private static partial void LogZoneReported(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled demo user {UserId} as {Role}")]
    private static partial void LogEnrolled(ILogger logger, Guid userId, UserRole role);
}
