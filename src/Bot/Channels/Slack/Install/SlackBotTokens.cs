using System.Security.Cryptography;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChatCrm.Bot.Logging;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The bot token of each workspace: stored encrypted with Data Protection when a workspace installs the app,
/// forgotten when it uninstalls or revokes it, and looked up for the workspace each Web API call names. An
/// organisation-wide Enterprise Grid install is stored once, under the enterprise id, and serves every workspace of
/// that grid that has no install of its own. With token rotation, a token that expires within
/// <see cref="SlackOptions.TokenRefreshMargin"/> is refreshed first (<c>oauth.v2.access</c>, <c>grant_type=refresh_token</c>);
/// two instances refreshing at once are settled by the row's concurrency token: the loser takes the winner's token.
/// A workspace that never went through the OAuth install falls back to <see cref="SlackOptions.BotToken"/> (the
/// single-workspace set-up); one that uninstalled gets no token at all, so nothing is sent on its behalf.
/// </summary>
public sealed partial class SlackBotTokens(
    CrmDbContext db, IDataProtectionProvider protection, IOptions<SlackOptions> options, SlackOAuthClient oauth, TimeProvider time, ILogger<SlackBotTokens> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Slack.BotTokens.v1");
    private (SlackWorkspace Workspace, string? Token)? _cached;

    /// <summary>The token for <paramref name="workspace"/>, or null when there is none to use.</summary>
    public async Task<string?> ForWorkspaceAsync(SlackWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (_cached is { } cached && cached.Workspace == workspace)
            return cached.Token;
        var token = await LookUpAsync(workspace.TeamId, workspace.EnterpriseId, cancellationToken);
        _cached = (workspace, token);
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
            grant.ExpiresIn is { } expiresIn ? now + expiresIn : null)
        { IsEnterpriseInstall = grant.IsEnterpriseInstall };
        // An org-wide install has no workspace: it is kept under the enterprise id.
        var key = grant.IsEnterpriseInstall ? grant.EnterpriseId! : grant.TeamId;
        await SaveWithOneRetryAsync(async () =>
        {
            var record = await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == key, cancellationToken);
            if (record is null)
            {
                record = new SlackInstallationRecord(key, now);
                db.SlackInstallations.Add(record);
            }
            record.Install(stored, now);
        }, cancellationToken);
        _cached = null;
        LogInstalled(logger, key);
    }

    /// <summary>Forgets the workspace's tokens (<c>app_uninstalled</c>, <c>tokens_revoked</c>); unknown workspaces are left alone.</summary>
    public async Task RetireAsync(string teamId, string reason, CancellationToken cancellationToken, string? enterpriseId = null)
    {
        var retired = false;
        await SaveWithOneRetryAsync(async () =>
        {
            var record = await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == teamId, cancellationToken)
                ?? (enterpriseId is null ? null
                    : await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == enterpriseId && r.IsEnterpriseInstall, cancellationToken));
            retired = record is { RetiredAt: null };
            if (retired)
                record!.Retire(reason, time.GetUtcNow());
        }, cancellationToken);
        _cached = null;
        if (retired)
            LogRetired(logger, teamId, reason);
    }

    private async Task<string?> LookUpAsync(string? teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        var fallback = options.Value.BotToken;
        if (teamId is null && enterpriseId is null)
            return fallback;
        var record = (teamId is null ? null : await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(r => r.TeamId == teamId, cancellationToken))
            ?? (enterpriseId is null ? null
                : await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(r => r.TeamId == enterpriseId && r.IsEnterpriseInstall, cancellationToken));
        if (record is null)
            return fallback;
        if (!record.IsUsable)
            return null;
        if (record.BotTokenExpiresAt is { } expires && record.ProtectedRefreshToken is not null
            && expires - time.GetUtcNow() <= options.Value.TokenRefreshMargin)
            return await RefreshAsync(record.TeamId, cancellationToken);
        return Unprotect(record.ProtectedBotToken!, record.TeamId);
    }

    /// <summary>
    /// Rotates an expiring token. Another instance may have rotated it meanwhile (the row is then fresh and used as is),
    /// or may rotate it at the same moment (our save then fails on the concurrency token and theirs is used).
    /// </summary>
    private async Task<string?> RefreshAsync(string key, CancellationToken cancellationToken)
    {
        var record = await db.SlackInstallations.FirstOrDefaultAsync(r => r.TeamId == key, cancellationToken);
        if (record is not { IsUsable: true })
            return null;
        var now = time.GetUtcNow();
        if (record.BotTokenExpiresAt is not { } expires || expires - now > options.Value.TokenRefreshMargin || Unprotect(record.ProtectedRefreshToken!, key) is not { } refresh)
            return Unprotect(record.ProtectedBotToken!, key);
        var (grant, error) = await oauth.RefreshAsync(refresh, cancellationToken);
        if (grant is null)
        {
            LogRefreshFailed(logger, key, error ?? "unknown_error");
            // Another instance may have spent the refresh token first: then the row holds its fresh token.
            db.ChangeTracker.Clear();
            var current = await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(r => r.TeamId == key, cancellationToken);
            if (current is { IsUsable: true, BotTokenExpiresAt: { } renewed } && renewed > expires)
                return Unprotect(current.ProtectedBotToken!, key);
            // Until it actually expires the old token still works; after that the workspace must install again.
            return expires > now ? Unprotect(record.ProtectedBotToken!, key) : null;
        }
        record.Rotate(_protector.Protect(grant.BotToken), grant.RefreshToken is { } next ? _protector.Protect(next) : null,
            grant.ExpiresIn is { } expiresIn ? now + expiresIn : null, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogRefreshed(logger, key);
            return grant.BotToken;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            LogRefreshCrossed(logger, key);
            var winner = await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(r => r.TeamId == key, cancellationToken);
            return winner is { IsUsable: true } ? Unprotect(winner.ProtectedBotToken!, key) : null;
        }
    }

    private string? Unprotect(string protectedToken, string key)
    {
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            // The Data Protection key is gone (or the row was tampered with): the workspace must install again.
            LogUnreadable(logger, key);
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
    private static partial void LogInstalled(ILogger logger, LoggedText teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: tokens forgotten ({Reason})")]
    private static partial void LogRetired(ILogger logger, LoggedText teamId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: the bot token was rotated")]
    private static partial void LogRefreshed(ILogger logger, LoggedText teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: another instance rotated the bot token at the same time; its token is used")]
    private static partial void LogRefreshCrossed(ILogger logger, LoggedText teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {TeamId}: rotating the bot token failed ({Error})")]
    private static partial void LogRefreshFailed(ILogger logger, LoggedText teamId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {TeamId}: the stored bot token cannot be decrypted; the workspace must install the app again")]
    private static partial void LogUnreadable(ILogger logger, LoggedText teamId);
}
