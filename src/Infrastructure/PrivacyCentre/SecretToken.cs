using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>Random tokens for links and session cookies, and the hash that is all the database keeps of them.</summary>
public static class SecretToken
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the token in lower-case hex (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether the text could be a token we issued (so garbage is refused before the database is asked).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
