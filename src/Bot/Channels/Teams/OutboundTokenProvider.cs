using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Gets the bearer token the Bot Connector expects on every outbound call, by client credentials or managed
/// identity through MSAL. MSAL caches the token too, but asking it costs a request pipeline of its own on every
/// reply; the last token is therefore reused here until <see cref="RenewBefore"/> ahead of its expiry (or MSAL's
/// own suggested refresh time, when it gives one), and only then is MSAL asked again.
/// Without configured credentials (local tools only) calls carry no token.
/// </summary>
public sealed class OutboundTokenProvider
{
    /// <summary>How long before its expiry a token stops being reused (MSAL refreshes client tokens in the same spirit).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private readonly Lazy<IConfidentialClientApplication?> _app;
    private readonly Lazy<IManagedIdentityApplication?> _managedIdentity;
    private readonly TimeProvider _time;
    private ReusableToken? _last;

    public OutboundTokenProvider(IOptions<BotCredentials> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
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
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _last) is { } last && now < last.ReuseUntil)
            return last.AccessToken;

        AuthenticationResult result;
        if (_app.Value is { } app)
            result = await app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
        else if (_managedIdentity.Value is { } identity)
            result = await identity.AcquireTokenForManagedIdentity("https://api.botframework.com").ExecuteAsync(cancellationToken);
        else
            return null;

        var reuseUntil = result.ExpiresOn - RenewBefore;
        if (result.AuthenticationResultMetadata?.RefreshOn is { } refreshOn && refreshOn < reuseUntil)
            reuseUntil = refreshOn;
        Volatile.Write(ref _last, new ReusableToken(result.AccessToken, reuseUntil));
        return result.AccessToken;
    }

    private sealed record ReusableToken(string AccessToken, DateTimeOffset ReuseUntil);
}
