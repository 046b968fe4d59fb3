using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Gets the bearer token the Bot Connector expects on every outbound call, by client credentials (MSAL caches
/// it until shortly before it expires). Without configured credentials (local tools only) calls carry no token.
/// </summary>
public sealed class OutboundTokenProvider
{
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private readonly Lazy<IConfidentialClientApplication?> _app;
    private readonly Lazy<IManagedIdentityApplication?> _managedIdentity;

    public OutboundTokenProvider(IOptions<BotCredentials> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = options.Value;
        _app = new Lazy<IConfidentialClientApplication?>(() =>
            credentials.IsConfigured && credentials.MicrosoftAppType != BotAppType.UserAssignedMsi
                ? ConfidentialClientApplicationBuilder.Create(credentials.MicrosoftAppId)
                    .WithClientSecret(credentials.MicrosoftAppPassword)
                    .WithAuthority($"https://login.microsoftonline.com/{credentials.TokenTenant}")
                    .Build()
                : null);
        _managedIdentity = new Lazy<IManagedIdentityApplication?>(() =>
            credentials.IsConfigured && credentials.MicrosoftAppType == BotAppType.UserAssignedMsi
                ? ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(credentials.MicrosoftAppId)).Build()
                : null);
    }

    /// <summary>The token to send, or null when the bot runs without credentials.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app.Value is { } app)
            return (await app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken)).AccessToken;
        if (_managedIdentity.Value is { } identity)
            return (await identity.AcquireTokenForManagedIdentity("https://api.botframework.com").ExecuteAsync(cancellationToken)).AccessToken;
        return null;
    }
}
