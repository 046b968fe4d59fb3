using System.Security.Cryptography;

namespace ChatCrm.Infrastructure.Integrations;

/// <summary>
/// The API key of one integration (an ERP, a web shop, a marketing tool) that has no Entra ID: a name, the scopes it
/// was given and the SHA-256 of its secret. The secret itself is shown once, when the key is created or rotated, and
/// never stored; a caller is recognised by the key id in the token and proved by the hash (compared in constant time).
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    private ApiKey()
    {
        Name = string.Empty;
        Scopes = string.Empty;
        SecretHash = [];
    }

    private ApiKey(Guid id, string name, string scopes, byte[] secretHash, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Scopes = scopes;
        SecretHash = secretHash;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    /// <summary>What the integration is ("erp-sync"); unique, so an admin can name it on the command line.</summary>
    public string Name { get; private set; }

    /// <summary>The granted scopes, lower case, comma-separated and sorted ("crm.read,crm.write").</summary>
    public string Scopes { get; private set; }

    /// <summary>SHA-256 of the secret part of the key.</summary>
    public byte[] SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the secret was last replaced; the old secret stopped working at that moment.</summary>
    public DateTimeOffset? RotatedAt { get; private set; }

    /// <summary>When the key was revoked; a revoked key is refused and cannot be rotated back to life.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key; returns it with the whole token to hand to the integration (shown once).</summary>
    public static (ApiKey Key, string Token) Create(string name, IEnumerable<string> scopes, DateTimeOffset now)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxNameLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"An API key name is 1 to {MaxNameLength} letters, digits, '-', '_' or '.'.", nameof(name));
        var token = ApiKeyToken.New(Guid.CreateVersion7(), out var secretHash);
        return (new ApiKey(token.KeyId, trimmed, ApiScopes.Normalize(scopes), secretHash, now), token.Text);
    }

    /// <summary>Replaces the secret; the previous token stops working at once. Returns the new token (shown once).</summary>
    public string Rotate(DateTimeOffset now)
    {
        if (IsRevoked)
            throw new InvalidOperationException($"The API key '{Name}' was revoked; create a new one instead.");
        var token = ApiKeyToken.New(Id, out var secretHash);
        SecretHash = secretHash;
        RotatedAt = now.ToUniversalTime();
        return token.Text;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();

    /// <summary>Whether <paramref name="secret"/> is this key's live secret (constant time whatever the input).</summary>
    public bool Accepts(ReadOnlySpan<char> secret)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        ApiKeyToken.HashSecret(secret, hash);
        return CryptographicOperations.FixedTimeEquals(hash, SecretHash) && !IsRevoked;
    }
}
