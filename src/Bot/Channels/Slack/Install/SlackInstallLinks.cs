using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>What a presented install link gave: the link when it may be used, else why not (for the log and the audit).</summary>
public sealed record InstallLinkCheck(SlackInstallLinkRecord? Link, string? Refusal);

/// <summary>
/// The single-use install links <c>/slack/install</c> needs: issued by an admin (256 random bits; the database keeps
/// the SHA-256), checked when an install starts, spent when its callback completes (the concurrency version makes two
/// racing callbacks give one install). Issuing, using and a refused known link are audited with the issuing admin as actor.
/// </summary>
public sealed class SlackInstallLinks(CrmDbContext db, IOptions<SlackOptions> options, TimeProvider time)
{
    public const string QueryName = "link";

    /// <summary>A new link (saved), to <c>/slack/install</c> on the configured redirect URL's host; null when the install is not set up.</summary>
    public async Task<(Uri Address, TimeSpan Lifetime)?> IssueAsync(UserId admin, string channel, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CanInstall)
            return null;
        var token = SecretToken.New();
        var now = time.GetUtcNow();
        var link = SlackInstallLinkRecord.Issue(SecretToken.Hash(token), admin, now, settings.InstallLinkLifetime);
        db.SlackInstallLinks.Add(link);
        db.AuditEntries.Add(new AuditEntry(admin, AuditAction.IssuedSlackInstallLink, null, channel, now,
            details: $"slack install link {link.Id}; expires {link.ExpiresAt:O}"));
        await db.SaveChangesAsync(cancellationToken);
        return (new Uri(settings.OAuthRedirectUrl!, $"/slack/install?{QueryName}={token}"), settings.InstallLinkLifetime);
    }

    /// <summary>The link a browser presents at <c>/slack/install</c>; a known link refused (used, expired) is audited.</summary>
    public async Task<InstallLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SecretToken.LooksValid(token))
            return new(null, "no install link");
        var hash = SecretToken.Hash(token!);
        var link = await db.SlackInstallLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
            return new(null, "install link unknown");
        if (link.RefusalAt(time.GetUtcNow()) is { } refusal)
        {
            await AuditAsync(link, $"slack install link {link.Id} refused at /slack/install: {refusal}", cancellationToken);
            return new(null, $"install link {refusal}");
        }
        return new(link, null);
    }

    /// <summary>
    /// Spends the link the install's state carries, before the code is exchanged (so a link starts one install only);
    /// the link, or why it cannot be spent.
    /// </summary>
    public async Task<InstallLinkCheck> SpendAsync(Guid linkId, CancellationToken cancellationToken)
    {
        var link = await db.SlackInstallLinks.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
            return new(null, "install link unknown");
        if (link.RefusalAt(time.GetUtcNow()) is { } refusal)
        {
            await AuditAsync(link, $"slack install link {link.Id} refused at the callback: {refusal}", cancellationToken);
            return new(null, $"install link {refusal}");
        }
        link.Use(time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(null, "install link already used");
        }
        return new(link, null);
    }

    /// <summary>Records (and audits) the workspace a spent link installed ChatCrm into.</summary>
    public async Task InstalledAsync(SlackInstallLinkRecord link, string teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.InstalledInto(teamId);
        await AuditAsync(link, $"slack install link {link.Id} used: installed into {link.TeamId}", cancellationToken);
    }

    private async Task AuditAsync(SlackInstallLinkRecord link, string details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(link.IssuedBy, AuditAction.UsedSlackInstallLink, null, "Slack", time.GetUtcNow(), details: details));
        await db.SaveChangesAsync(cancellationToken);
    }
}
