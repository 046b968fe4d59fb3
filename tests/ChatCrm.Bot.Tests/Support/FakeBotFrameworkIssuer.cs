using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A local stand-in for the Bot Framework's token issuer: publishes OpenID metadata and a JWKS with its own RSA
/// key on loopback, and mints channel tokens — valid ones, and ones wrong in exactly one way. Started with
/// <c>endorseKeys: false</c> it plays Microsoft Entra instead, whose keys carry no channel endorsements.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _strangerKey = RSA.Create(2048);
    private const string KeyId = "chatcrm-test-key";

    private FakeBotFrameworkIssuer(WebApplication app) => _app = app;

    public Uri MetadataUrl { get; private set; } = null!;

    public int MetadataRequests { get; private set; }

    public static async Task<FakeBotFrameworkIssuer> StartAsync(bool endorseKeys = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new FakeBotFrameworkIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
        {
            issuer.MetadataRequests++;
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = $"{root}/authorize",
                ["jwks_uri"] = $"{root}/v1/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet("/v1/keys", () =>
        {
            var parameters = issuer._key.ExportParameters(includePrivateParameters: false);
            var key = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorseKeys)
                key["endorsements"] = new[] { "msteams" };
            return Results.Json(new { keys = new[] { key } });
        });
        await app.StartAsync();
        issuer.MetadataUrl = new Uri(app.Urls.Single() + "/v1/.well-known/openidconfiguration");
        return issuer;
    }

    /// <summary>A channel token; each optional argument makes it wrong in one way.</summary>
    public string Token(string audience, Uri serviceUrl, string issuer = Issuer, TimeSpan? expiresIn = null, bool signWithStrangerKey = false) =>
        Token(audience, issuer, [new Claim("serviceurl", serviceUrl.ToString())], expiresIn, signWithStrangerKey);

    /// <summary>A token with exactly the given claims besides issuer, audience and lifetime (emulator-style tokens carry appid or azp).</summary>
    public string Token(string audience, string issuer, IEnumerable<Claim> claims, TimeSpan? expiresIn = null, bool signWithStrangerKey = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var key = new RsaSecurityKey(signWithStrangerKey ? _strangerKey : _key) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _strangerKey.Dispose();
    }
}
