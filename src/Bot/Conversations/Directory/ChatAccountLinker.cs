using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>Why an account was not linked: what the person is told, and the locale their chat tool reported to say it in.</summary>
public sealed record LinkRefusal(ChatAccountCheck Check, Domain.Common.LocalizedText Text, string? Locale);

/// <summary>
/// Links an unknown chat account to the ChatCrm user with the e-mail its tool reports — once <see cref="ChatAccountRule"/>
/// allowed it (a full member of an allowed workspace, at an allowed e-mail domain) — or records why it did not: a
/// refusal is audited (<see cref="AuditAction.ChatLinkRefused"/>: the account and the check, never the e-mail) and logged
/// without personal data.
/// </summary>
public sealed partial class ChatAccountLinker(CrmDbContext db, TimeProvider time, ILogger<ChatAccountLinker> logger)
{
    /// <summary>Audits and logs a refused account; what to tell the person.</summary>
    public async Task<LinkRefusal> RefuseAsync(IncomingTurn turn, ChatProfile profile, ChatAccountDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(decision);
        var check = decision.Failed ?? ChatAccountCheck.Membership;
        var channel = turn.Channel.ToString();
        db.AuditEntries.Add(AuditEntry.ByChatAccount($"{channel.ToLowerInvariant()}:{turn.User.ChannelUserId}", AuditAction.ChatLinkRefused, channel,
            time.GetUtcNow(), details: $"link by e-mail refused: check {check} failed: {decision.Reason}"));
        await db.SaveChangesAsync(cancellationToken);
        LogRefused(logger, turn.Channel, check);
        return new LinkRefusal(check, ChatAccountRule.Refusal(check), profile.Locale);
    }

    /// <summary>Links the account to the one user with the profile's e-mail who has no account of that tool yet; null otherwise.</summary>
    public async Task<User?> LinkAsync(IncomingTurn turn, ChatProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(profile);
        var email = profile.Email?.Trim().ToLowerInvariant();
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
        if (turn.Channel == ChatChannel.Slack && user.SlackUserKey is not null)
        {
            LogNotLinked(logger, "the user is linked to another Slack account");
            return null;
        }
        if (turn.Channel == ChatChannel.Teams)
        {
            if (user.TeamsAadObjectId is not null)
            {
                LogNotLinked(logger, "the user is linked to another Teams account");
                return null;
            }
            user.LinkTeams(ChatUserDirectory.TeamsDirectoryId(turn.User));
        }
        else
        {
            user.LinkSlack(SlackUserKey.Parse(turn.User.ChannelUserId));
        }
        user.AdoptReportedLocale(profile.Locale);
        user.AdoptReportedTimeZone(profile.TimeZone);
        db.AuditEntries.Add(new AuditEntry(user.Id, AuditAction.DirectoryChanged, null, turn.Channel.ToString(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        LogLinked(logger, user.Id.Value);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked a chat account to user {UserId} by the e-mail its tool reported")]
    private static partial void LogLinked(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "An unknown chat account was not linked: {Reason}")]
    private static partial void LogNotLinked(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Channel} account was refused linking by e-mail: the {Check} check failed (audited)")]
    private static partial void LogRefused(ILogger logger, ChatChannel channel, ChatAccountCheck check);
}
