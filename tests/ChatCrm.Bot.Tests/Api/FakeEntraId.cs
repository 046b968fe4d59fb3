using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>
/// A local stand-in for Microsoft Entra ID on loopback: the tenant's OpenID metadata and JWKS with its own RSA key,
/// and app-only access tokens as Entra writes them (v2.0: iss, aud, tid, azp, roles) — valid ones, and ones wrong in
/// exactly one way. The API under test is pointed at it by <c>Api:Entra:Instance</c>; nothing leaves the machine.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    public const string TenantId = "0b6f1b4e-3c1a-4d5e-9f10-2a3b4c5d6e7f";

    public const string OtherTenantId = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    public const string Audience = "api://chatcrm-tests";

    public const string ErpApplicationId = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private const string KeyId = "entra-test-key";
    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _strangerKey = RSA.Create(2048);

    private FakeEntraId(WebApplication app) => _app = app;

    /// <summary>The sign-in host, as <c>Api:Entra:Instance</c> takes it (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Instance { get; private set; } = null!;

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public static async Task<FakeEntraId> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var entra = new FakeEntraId(app);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext http) =>
        {
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = $"{root}/{tenant}/v2.0",
                ["jwks_uri"] = $"{root}/{tenant}/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var parameters = entra._key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        entra.Instance = new Uri(app.Urls.Single() + "/");
        return entra;
    }

    /// <summary>
    /// An app-only token for the ERP's application with <paramref name="roles"/>; each other argument makes it wrong
    /// in one way (or, for <paramref name="extraClaims"/>, a user's delegated token).
    /// </summary>
    public string Token(string[] roles, string audience = Audience, string tenant = TenantId, string? issuer = null, TimeSpan? expiresIn = null,
        bool signWithStrangerKey = false, string application = ErpApplicationId, IEnumerable<Claim>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new List<Claim> { new("tid", tenant), new("azp", application), new("oid", Guid.NewGuid().ToString()), new("idtyp", "app") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        claims.AddRange(extraClaims ?? []);
        var key = new RsaSecurityKey(signWithStrangerKey ? _strangerKey : _key) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"{Instance}{tenant}/v2.0",
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
