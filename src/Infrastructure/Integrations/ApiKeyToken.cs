using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Infrastructure.Integrations;

/// <summary>
/// The text an integration sends as its key: <c>ccrm_</c>, the key id (32 hex digits) and, after a second <c>_</c>,
/// 256 random bits in base64url. The id finds the stored key; only the secret's SHA-256 is stored. The prefix lets
/// secret scanners recognise a leaked key.
/// </summary>
public readonly record struct ApiKeyToken(Guid KeyId, string Text)
{
    public const string Prefix = "ccrm_";

    private const int SecretBytes = 32;

    /// <summary>The longest token accepted for parsing; anything longer is refused unread.</summary>
    public const int MaxLength = 100;

    internal static ApiKeyToken New(Guid keyId, out byte[] secretHash)
    {
        Span<byte> random = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(random);
        var secret = Base64Url.EncodeToString(random);
        secretHash = new byte[SHA256.HashSizeInBytes];
        HashSecret(secret, secretHash);
        return new(keyId, $"{Prefix}{keyId:N}_{secret}");
    }

    /// <summary>Splits a presented token into the key id and the secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? text, out Guid keyId, out string secret)
    {
        keyId = Guid.Empty;
        secret = string.Empty;
        if (text is null || text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var rest = text.AsSpan(Prefix.Length);
        if (rest.Length < 34 || rest[32] != '_' || !Guid.TryParseExact(rest[..32], "N", out keyId))
            return false;
        secret = rest[33..].ToString();
        return secret.Length > 0;
    }

    internal static void HashSecret(ReadOnlySpan<char> secret, Span<byte> hash)
    {
        var bytes = Encoding.UTF8.GetBytes(secret.ToArray());
        SHA256.HashData(bytes, hash);
    }
}
