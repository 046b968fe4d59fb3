using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Decides whether a call to <c>/api/messages</c> really comes from the Bot Framework. Fails closed: with no
/// app id configured, only the Development environment with the dangerous switch on lets calls through; with
/// one, the bearer token must be signed by a key from its issuer's OpenID metadata, meant for this bot (audience
/// the app id or <c>api://</c> app id), unexpired (5 minutes of clock skew), and be one of two kinds:
/// <list type="bullet">
/// <item>a Bot Framework channel token (issuer <c>https://api.botframework.com</c>) naming the service URL the
/// activity must match, signed by a key endorsed for the activity's channel;</item>
/// <item>an emulator-style token from Microsoft Entra (v1 <c>https://sts.windows.net/{tenant}/</c> or v2
/// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>) of a trusted tenant, whose <c>appid</c> (v1) or
/// <c>azp</c> (v2) claim is our app id — i.e. a token our own credentials obtained.</item>
/// </list>
/// The issuer is read first, unverified, only to choose which keys and rules apply; the chosen rules then verify it.
/// </summary>
public sealed class InboundAuthenticator
{
    private const string EntraV1Prefix = "https://sts.windows.net/";
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly BotCredentials _credentials;
    private readonly TeamsOptions _teams;
    private readonly IHostEnvironment _environment;
    private readonly SigningKeySource _channelKeys;
    private readonly SigningKeySource _entraKeys;
    private readonly HashSet<string> _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new();

    public InboundAuthenticator(IOptions<BotCredentials> credentials, IOptions<TeamsOptions> teams, IHostEnvironment environment, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(httpClients);
        _credentials = credentials.Value;
        _teams = teams.Value;
        _environment = environment;
        var http = httpClients.CreateClient(nameof(InboundAuthenticator));
        _channelKeys = new SigningKeySource(_teams.OpenIdMetadataUrl, http);
        _entraKeys = new SigningKeySource(_teams.EntraOpenIdMetadataUrl, http);
        _entraIssuers = EntraIssuers(_teams, _credentials);
    }

    public bool AllowsUnauthenticatedCalls =>
        !_credentials.IsConfigured && _teams.DangerouslyAllowUnauthenticatedRequests && _environment.IsDevelopment();

    public async Task<InboundVerdict> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!_credentials.IsConfigured)
        {
            return AllowsUnauthenticatedCalls
                ? new InboundVerdict(true, "unauthenticated call allowed by Teams:DangerouslyAllowUnauthenticatedRequests in Development")
                : new InboundVerdict(false, "no MicrosoftAppId is configured and unauthenticated calls are not allowed");
        }

        const string bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return new InboundVerdict(false, "no bearer token");
        var token = authorizationHeader[bearer.Length..].Trim();
        if (!_handler.CanReadToken(token))
            return new InboundVerdict(false, "the bearer token is not a JWT");
        string claimedIssuer;
        try
        {
            var unverified = _handler.ReadJsonWebToken(token);
            if (!Algorithms.Contains(unverified.Alg, StringComparer.Ordinal))
                return new InboundVerdict(false, "the token is not signed with an RSA algorithm");
            claimedIssuer = unverified.Issuer;
        }
        catch (ArgumentException)
        {
            return new InboundVerdict(false, "the bearer token is a malformed JWT");
        }

        try
        {
            if (string.Equals(claimedIssuer, _teams.TokenIssuer, StringComparison.Ordinal))
                return await AuthenticateChannelTokenAsync(token, cancellationToken);
            if (_entraIssuers.Contains(claimedIssuer))
                return await AuthenticateEntraTokenAsync(token, claimedIssuer, cancellationToken);
            return new InboundVerdict(false, "the token's issuer is not trusted");
        }
        catch (InvalidOperationException failure)
        {
            // The signing keys could not be fetched: nothing can be proven, so nothing is let through.
            return new InboundVerdict(false, $"the OpenID metadata is unavailable ({failure.GetType().Name})");
        }
    }

    private async Task<InboundVerdict> AuthenticateChannelTokenAsync(string token, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateAsync(_channelKeys, token, [_teams.TokenIssuer], cancellationToken);
        if (!result.IsValid)
            return new InboundVerdict(false, $"channel token rejected: {result.Exception?.GetType().Name}");
        var tokenServiceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return string.IsNullOrWhiteSpace(tokenServiceUrl)
            ? new InboundVerdict(false, "the channel token has no serviceurl claim")
            : new InboundVerdict(true, "valid Bot Framework channel token", tokenServiceUrl,
                Endorsements(configuration, ((JsonWebToken)result.SecurityToken).Kid) ?? new HashSet<string>());
    }

    private async Task<InboundVerdict> AuthenticateEntraTokenAsync(string token, string issuer, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateAsync(_entraKeys, token, [issuer], cancellationToken);
        if (!result.IsValid)
            return new InboundVerdict(false, $"emulator-style token rejected: {result.Exception?.GetType().Name}");

        // v1 tokens name the client application in appid, v2 tokens in azp: it must be this bot itself.
        var appIdClaim = issuer.StartsWith(EntraV1Prefix, StringComparison.Ordinal) ? "appid" : "azp";
        var client = result.Claims.TryGetValue(appIdClaim, out var value) ? value as string : null;
        if (!string.Equals(client, _credentials.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
            return new InboundVerdict(false, $"the emulator-style token's {appIdClaim} claim is not this bot's app id");

        var tokenServiceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return new InboundVerdict(true, "valid emulator-style token", string.IsNullOrWhiteSpace(tokenServiceUrl) ? null : tokenServiceUrl,
            Endorsements(configuration, ((JsonWebToken)result.SecurityToken).Kid));
    }

    /// <summary>The issuers of the trusted Entra tenants, in their v1 and v2 forms.</summary>
    private static HashSet<string> EntraIssuers(TeamsOptions teams, BotCredentials credentials)
    {
        var tenants = new HashSet<string>(teams.EntraTokenTenants.Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);
        if (credentials.MicrosoftAppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
            tenants.Add(credentials.MicrosoftAppTenantId);
        return tenants
            .SelectMany(t => new[] { $"{EntraV1Prefix}{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The channels the signing key is endorsed for, or null when the key set does not say.</summary>
    private static HashSet<string>? Endorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
            return null;
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                channels.UnionWith(array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                break;
            case IEnumerable<object> items:
                channels.UnionWith(items.Select(i => i?.ToString()).OfType<string>());
                break;
        }
        return channels;
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        SigningKeySource keys, string token, string[] issuers, CancellationToken cancellationToken)
    {
        var outcome = await ValidateOnceAsync(keys, token, issuers, cancellationToken);
        if (outcome.Result.Exception is not SecurityTokenSignatureKeyNotFoundException)
            return outcome;
        // Keys roll over: an unknown key id means fetch the metadata again, then try once more.
        keys.RequestRefresh();
        return await ValidateOnceAsync(keys, token, issuers, cancellationToken);
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateOnceAsync(
        SigningKeySource keys, string token, string[] issuers, CancellationToken cancellationToken)
    {
        var configuration = await keys.GetAsync(cancellationToken);
        var appId = _credentials.MicrosoftAppId!;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = [appId, $"api://{appId}"],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
        });
        return (result, configuration);
    }
}
