namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// One Slack workspace the app is installed in (OAuth v2 install), keyed by team id: the bot token to call the Web
/// API for that workspace, stored only encrypted (the caller protects it with ASP.NET Core Data Protection before it
/// gets here, so a database dump alone reveals no token). Uninstalling or revoking the tokens retires the row and
/// forgets the tokens; a new install makes it usable again. The concurrency token keeps two instances (a callback
/// and an uninstall event, say) from overwriting each other.
/// </summary>
public sealed class SlackInstallationRecord
{
    private SlackInstallationRecord() => TeamId = string.Empty;

    public SlackInstallationRecord(string teamId, DateTimeOffset now)
    {
        TeamId = Cut(teamId, MaxIdLength);
        InstalledAt = now.ToUniversalTime();
        UpdatedAt = InstalledAt;
    }

    public const int MaxIdLength = 50;
    public const int MaxScopesLength = 1000;
    public const int MaxProtectedTokenLength = 2000;
    public const int MaxReasonLength = 50;

    /// <summary>
    /// Slack's workspace id ("T…"); for an organisation-wide Enterprise Grid install, the organisation's id ("E…"),
    /// whose one token serves every workspace of the grid (<see cref="IsEnterpriseInstall"/>).
    /// </summary>
    public string TeamId { get; private set; }

    /// <summary>Installed for the whole Enterprise Grid organisation rather than one workspace.</summary>
    public bool IsEnterpriseInstall { get; private set; }

    /// <summary>The Enterprise Grid organisation the workspace belongs to, if any ("E…").</summary>
    public string? EnterpriseId { get; private set; }

    public string? AppId { get; private set; }

    /// <summary>The bot user's id in this workspace ("U…").</summary>
    public string? BotUserId { get; private set; }

    /// <summary>The scopes granted, as Slack listed them (comma-separated).</summary>
    public string? Scopes { get; private set; }

    /// <summary>The bot token, encrypted; null once retired.</summary>
    public string? ProtectedBotToken { get; private set; }

    /// <summary>With token rotation on: the refresh token, encrypted, and when the bot token expires.</summary>
    public string? ProtectedRefreshToken { get; private set; }

    public DateTimeOffset? BotTokenExpiresAt { get; private set; }

    public DateTimeOffset InstalledAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Why: the event that retired it ("app_uninstalled", "tokens_revoked").</summary>
    public string? RetiredReason { get; private set; }

    public bool IsUsable => RetiredAt is null && ProtectedBotToken is not null;

    /// <summary>Takes the tokens of a (re)installation; a retired workspace becomes usable again.</summary>
    public void Install(SlackInstallationGrant grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        EnterpriseId = grant.EnterpriseId is { } enterprise ? Cut(enterprise, MaxIdLength) : null;
        IsEnterpriseInstall = grant.IsEnterpriseInstall;
        AppId = grant.AppId is { } app ? Cut(app, MaxIdLength) : null;
        BotUserId = grant.BotUserId is { } bot ? Cut(bot, MaxIdLength) : null;
        Scopes = grant.Scopes is { } scopes ? Cut(scopes, MaxScopesLength) : null;
        ProtectedBotToken = grant.ProtectedBotToken.Length <= MaxProtectedTokenLength
            ? grant.ProtectedBotToken
            : throw new ArgumentException("The protected bot token is too long to store.", nameof(grant));
        ProtectedRefreshToken = grant.ProtectedRefreshToken is { Length: <= MaxProtectedTokenLength } refresh ? refresh : null;
        BotTokenExpiresAt = grant.BotTokenExpiresAt?.ToUniversalTime();
        UpdatedAt = now.ToUniversalTime();
        RetiredAt = null;
        RetiredReason = null;
    }

    /// <summary>Takes the tokens of a refresh (token rotation): a new bot token, usually a new refresh token, a new expiry.</summary>
    public void Rotate(string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedBotToken);
        if (protectedBotToken.Length > MaxProtectedTokenLength)
            throw new ArgumentException("The protected bot token is too long to store.", nameof(protectedBotToken));
        ProtectedBotToken = protectedBotToken;
        if (protectedRefreshToken is { Length: <= MaxProtectedTokenLength })
            ProtectedRefreshToken = protectedRefreshToken;
        BotTokenExpiresAt = expiresAt?.ToUniversalTime();
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>Forgets the tokens: the workspace uninstalled the app or revoked them.</summary>
    public void Retire(string reason, DateTimeOffset now)
    {
        ProtectedBotToken = null;
        ProtectedRefreshToken = null;
        BotTokenExpiresAt = null;
        RetiredReason = Cut(reason, MaxReasonLength);
        RetiredAt = now.ToUniversalTime();
        UpdatedAt = RetiredAt.Value;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>What an OAuth v2 install granted, with the tokens already encrypted.</summary>
public sealed record SlackInstallationGrant(
    string? EnterpriseId, string? AppId, string? BotUserId, string? Scopes,
    string ProtectedBotToken, string? ProtectedRefreshToken, DateTimeOffset? BotTokenExpiresAt)
{
    /// <summary>An organisation-wide Enterprise Grid install (the record is then keyed by the enterprise id).</summary>
    public bool IsEnterpriseInstall { get; init; }
}
