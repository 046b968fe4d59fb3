using System.Text.Encodings.Web;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Auth;

/// <summary>
/// Authenticates an integration by its API key (<c>X-Api-Key: ccrm_…</c>, or <c>Authorization: Bearer ccrm_…</c>):
/// the key id finds the stored key, the secret's SHA-256 is compared in constant time, and a revoked key is refused.
/// Nothing else is looked at, and an unknown id costs the same hash as a known one.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CrmDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
            return AuthenticateResult.NoResult();
        if (!ApiKeyToken.TryParse(presented, out var keyId, out var secret))
            return AuthenticateResult.Fail("The API key is malformed.");

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyId, Context.RequestAborted);
        // An unknown key still pays for a hash, so timing does not tell which key ids exist.
        var accepted = key is not null ? key.Accepts(secret) : DummyKey.Value.Accepts(secret);
        if (key is null || !accepted)
        {
            LogRefused(Logger, keyId);
            return AuthenticateResult.Fail("The API key is unknown, revoked or replaced.");
        }
        var identity = ApiClient.Identity($"apikey:{key.Id:N}", key.Name, ApiScopes.Split(key.Scopes), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, IntegrationAuthentication.Challenge);
        return Task.CompletedTask;
    }

    /// <summary>The key the request carries, if it carries one at all.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0)
            return header[0];
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeyToken.Prefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static readonly Lazy<ApiKey> DummyKey = new(() => ApiKey.Create("unknown", [ApiScopes.Read], DateTimeOffset.UnixEpoch).Key);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} refused (unknown, revoked or a replaced secret)")]
    private static partial void LogRefused(ILogger logger, Guid keyId);
}
