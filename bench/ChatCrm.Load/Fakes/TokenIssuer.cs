using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatCrm.Load.Fakes;

/// <summary>
/// Plays the Bot Framework's token issuer for a run: one RSA key, published as a JWKS endorsed for <c>msteams</c>, and
/// RS256 tokens signed with it. The bot under test is pointed at <see cref="LoopbackFakes"/>' OpenID metadata, so it
/// verifies every activity's token exactly as in production (signature, issuer, audience, lifetime, service URL).
/// </summary>
public sealed class TokenIssuer : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private readonly RSA _key;

    /// <summary>
    /// Uses the key in <paramref name="keyFile"/>, creating it on first use: the same key across runs, as the Bot
    /// Framework's keys are stable, so a bot left running between runs keeps trusting the tokens (bots cache keys and
    /// refresh them only now and then).
    /// </summary>
    public TokenIssuer(FileInfo keyFile)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        _key = RSA.Create(2048);
        if (keyFile.Exists)
        {
            _key.ImportFromPem(File.ReadAllText(keyFile.FullName));
        }
        else
        {
            keyFile.Directory?.Create();
            File.WriteAllText(keyFile.FullName, _key.ExportPkcs8PrivateKeyPem());
        }
        KeyId = "chatcrm-load-" + Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..12];
    }

    public string KeyId { get; }

    /// <summary>The JWKS document: the public half of the key, endorsed for Teams.</summary>
    public object Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64Url(parameters.Modulus!),
                    ["e"] = Base64Url(parameters.Exponent!),
                    ["endorsements"] = new[] { "msteams" },
                },
            },
        };
    }

    /// <summary>A channel token as the Bot Framework sends it to a bot: for <paramref name="appId"/>, vouching for <paramref name="serviceUrl"/>.</summary>
    public string ChannelToken(string appId, Uri serviceUrl, TimeSpan lifetime) => Sign(new Dictionary<string, object>
    {
        ["iss"] = ChannelIssuer,
        ["aud"] = appId,
        ["serviceurl"] = serviceUrl.AbsoluteUri,
    }, lifetime);

    /// <summary>An access token for the bot's outbound calls (what Entra would issue); the fake connector does not verify it.</summary>
    public string ConnectorToken(string appId, TimeSpan lifetime) => Sign(new Dictionary<string, object>
    {
        ["iss"] = "https://sts.windows.net/load/",
        ["aud"] = ChannelIssuer,
        ["appid"] = appId,
    }, lifetime);

    public void Dispose() => _key.Dispose();

    private string Sign(Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        claims["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds();
        claims["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds();
        claims["exp"] = now.Add(lifetime).ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
