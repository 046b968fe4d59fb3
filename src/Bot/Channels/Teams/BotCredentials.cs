namespace ChatCrm.Bot.Channels.Teams;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}

/// <summary>
/// The Azure Bot registration, read from the conventional top-level keys (<c>MicrosoftAppType</c>,
/// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>) so existing set-ups carry over.
/// </summary>
public sealed class BotCredentials
{
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The tenant that issues our outbound tokens: botframework.com for multi-tenant bots, else the bot's own.</summary>
    public string TokenTenant => MicrosoftAppType == BotAppType.MultiTenant || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
        ? "botframework.com"
        : MicrosoftAppTenantId;

    public IEnumerable<string> Problems()
    {
        if (!IsConfigured)
            yield break;
        if (!Guid.TryParse(MicrosoftAppId, out _))
            yield return "MicrosoftAppId must be the bot's application (client) id, a GUID.";
        if (MicrosoftAppType != BotAppType.UserAssignedMsi && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            yield return $"MicrosoftAppPassword is required for a {MicrosoftAppType} bot.";
        if (MicrosoftAppType != BotAppType.MultiTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            yield return $"MicrosoftAppTenantId is required for a {MicrosoftAppType} bot.";
    }
}
