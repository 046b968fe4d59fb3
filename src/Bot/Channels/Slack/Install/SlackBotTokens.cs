using System.Security.Cryptography;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The bot token of each workspace: stored encrypted with Data Protection when a workspace installs the app,
/// forgotten when it uninstalls or revokes it, and looked up for the workspace of the current Slack work. A
/// workspace that never went through the OAuth install falls back to <see cref="SlackOptions.BotToken"/> (the
/// single-workspace set-up); one that uninstalled gets no token at all, so nothing is sent on its behalf.
/// </summary>
public sealed partial class SlackBotTokens(
    CrmDbContext db, IDataProtectionProvider protection, IOptions<SlackOptions> options, SlackWorkspace workspace,
    TimeProvider time, ILogger<SlackBotTokens> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Slack.BotTokens.v1");
    private (string? TeamId, string? Token)? _cached;

    /// <summary>The token for the current workspace, or null when there is none to use.</summary>
    public async Task<string?> ForCurrentWorkspaceAsync(CancellationToken cancellationToken)
    {
        var teamId = workspace.TeamId;
        if (_cached is { } cached && cached.TeamId == teamId)
            return cached.Token;
        var token = await LookUpAsync(teamId, cancellationToken);
        _cached = (teamId, token);
        return token;
    }

    /// <summary>Stores (or replaces) the workspace's tokens, encrypted; a retired workspace becomes usable again.</summary>
    public async Task StoreAsync(SlackOAuthGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = time.GetUtcNow();
        var stored = new SlackInstallationGrant(
            grant.EnterpriseId, grant.AppId, grant.BotUserId, grant.Scopes,
            _protector.Protect(grant.BotToken), grant.RefreshToken is { } refresh ? _protector.Protect(refresh) : null,
            grant.ExpiresIn is { } expiresIn ? now + expiresIn : null);
        await SaveWithOneRetryAsync(async () =>
        {
            var record = await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == grant.TeamId, cancellationToken);
            if (record is null)
            {
                record = new SlackInstallationRecord(grant.TeamId, now);
                db.SlackInstallations.Add(record);
            }
            record.Install(stored, now);
        }, cancellationToken);
        _cached = null;
        LogInstalled(logger, grant.TeamId);
    }

    /// <summary>Forgets the workspace's tokens (<c>app_uninstalled</c>, <c>tokens_revoked</c>); unknown workspaces are left alone.</summary>
    public async Task RetireAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        var retired = false;
        await SaveWithOneRetryAsync(async () =>
        {
            var record = await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == teamId, cancellationToken);
            retired = record is { RetiredAt: null };
            if (retired)
                record!.Retire(reason, time.GetUtcNow());
        }, cancellationToken);
        _cached = null;
        if (retired)
            LogRetired(logger, teamId, reason);
    }

    private async Task<string?> LookUpAsync(string? teamId, CancellationToken cancellationToken)
    {
        var fallback = options.Value.BotToken;
        if (teamId is null)
            return fallback;
        var record = await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(r => r.TeamId == teamId, cancellationToken);
        if (record is null)
            return fallback;
        if (!record.IsUsable)
            return null;
        try
        {
            return _protector.Unprotect(record.ProtectedBotToken!);
        }
        catch (CryptographicException)
        {
            // The Data Protection key is gone (or the row was tampered with): the workspace must install again.
            LogUnreadable(logger, teamId);
            return null;
        }
    }

    /// <summary>Applies a change and saves; if another instance changed the row meanwhile, starts over once on fresh data.</summary>
    private async Task SaveWithOneRetryAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await change();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId} installed the app; its bot token is stored")]
    private static partial void LogInstalled(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: tokens forgotten ({Reason})")]
    private static partial void LogRetired(ILogger logger, string teamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {TeamId}: the stored bot token cannot be decrypted; the workspace must install the app again")]
    private static partial void LogUnreadable(ILogger logger, string teamId);
}
