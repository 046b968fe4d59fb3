using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// The verdict on an inbound request: allowed, or why not (for the log; the caller only sees 401). A validated
/// token also names the service URL it was issued for, which the activity must match.
/// </summary>
public sealed record InboundVerdict(bool Allowed, string Reason, string? TokenServiceUrl = null, IReadOnlySet<string>? Endorsements = null)
{
    /// <summary>
    /// True when the token vouches for this activity: the same serviceUrl, and a signing key endorsed for the
    /// activity's channel (or no token was required at all).
    /// </summary>
    public bool Covers(string? activityServiceUrl, string? activityChannelId) =>
        Allowed && (TokenServiceUrl is null
            || (string.Equals(TokenServiceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase)
                && activityChannelId is not null && Endorsements?.Contains(activityChannelId) == true));
}

/// <summary>
/// Decides whether a call to <c>/api/messages</c> really comes from the Bot Framework. Fails closed: with no
/// app id configured, only the Development environment with the dangerous switch on lets calls through; with
/// one, the bearer token must be signed by a key from the OpenID metadata, issued by the Bot Framework, meant
/// for this bot, unexpired (5 minutes of clock skew), and name the service URL that the activity must match.
/// </summary>
public sealed class InboundAuthenticator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly BotCredentials _credentials;
    private readonly TeamsOptions _teams;
    private readonly IHostEnvironment _environment;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public InboundAuthenticator(IOptions<BotCredentials> credentials, IOptions<TeamsOptions> teams, IHostEnvironment environment, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(httpClients);
        _credentials = credentials.Value;
        _teams = teams.Value;
        _environment = environment;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _teams.OpenIdMetadataUrl.ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(nameof(InboundAuthenticator))) { RequireHttps = _teams.OpenIdMetadataUrl.Scheme == Uri.UriSchemeHttps });
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
        try
        {
            if (!Algorithms.Contains(_handler.ReadJsonWebToken(token).Alg, StringComparer.Ordinal))
                return new InboundVerdict(false, "the token is not signed with an RSA algorithm");
        }
        catch (ArgumentException)
        {
            return new InboundVerdict(false, "the bearer token is a malformed JWT");
        }

        TokenValidationResult result;
        OpenIdConnectConfiguration configuration;
        try
        {
            (result, configuration) = await ValidateAsync(token, cancellationToken);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Keys roll over: an unknown key id means fetch the metadata again, then try once more.
                _metadata.RequestRefresh();
                (result, configuration) = await ValidateAsync(token, cancellationToken);
            }
        }
        catch (InvalidOperationException failure)
        {
            // The signing keys could not be fetched: nothing can be proven, so nothing is let through.
            return new InboundVerdict(false, $"the OpenID metadata is unavailable ({failure.GetType().Name})");
        }
        if (!result.IsValid)
            return new InboundVerdict(false, $"token rejected: {result.Exception?.GetType().Name}");

        var tokenServiceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return string.IsNullOrWhiteSpace(tokenServiceUrl)
            ? new InboundVerdict(false, "the token has no serviceurl claim")
            : new InboundVerdict(true, "valid Bot Framework token", tokenServiceUrl, Endorsements(configuration, ((JsonWebToken)result.SecurityToken).Kid));
    }

    /// <summary>The channels the signing key is endorsed for, as the metadata's key set lists them.</summary>
    private static HashSet<string> Endorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
            return channels;
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

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        var appId = _credentials.MicrosoftAppId!;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _teams.TokenIssuer,
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
