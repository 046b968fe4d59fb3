using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>Whether a request carries Slack's signature, and if not, why (for the log; never the body).</summary>
public sealed record SignatureVerdict(bool Valid, string Reason)
{
    public static readonly SignatureVerdict Ok = new(true, "valid");

    public static SignatureVerdict Refused(string reason) => new(false, reason);
}

/// <summary>
/// Slack's request signing (version <c>v0</c>): an HMAC-SHA256, keyed with the signing secret, over
/// <c>v0:{timestamp}:{raw body}</c>. Checked over the exact bytes received, before anything is parsed, with a
/// constant-time comparison; a timestamp outside the tolerance is refused so a captured request cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string Version = "v0";
    private const int HashBytes = 32;

    public static SignatureVerdict Verify(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret))
            return SignatureVerdict.Refused("no signing secret is configured");
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SignatureVerdict.Refused("the signature or timestamp header is missing");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return SignatureVerdict.Refused("the timestamp is not a number of seconds");
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
            return SignatureVerdict.Refused("the timestamp is outside the allowed window");
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != Version.Length + 1 + (HashBytes * 2))
            return SignatureVerdict.Refused("the signature is not a v0 signature");

        Span<byte> given = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature.AsSpan(Version.Length + 1), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashBytes)
            return SignatureVerdict.Refused("the signature is not hexadecimal");

        Span<byte> expected = stackalloc byte[HashBytes];
        Compute(secret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected)
            ? SignatureVerdict.Ok
            : SignatureVerdict.Refused("the signature does not match");
    }

    /// <summary>The <c>X-Slack-Signature</c> value Slack would send (used by tests and local tools).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        Compute(secret, timestamp, body, hash);
        return Version + "=" + Convert.ToHexStringLower(hash);
    }

    private static void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message, destination);
    }
}
