using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The OAuth <c>state</c> that protects the install against CSRF: a random nonce and the time it was issued,
/// encrypted and signed with Data Protection (keys shared by every instance through the database), and the same
/// nonce in a cookie of the browser that started the install. A callback is accepted only when the state is
/// genuine, younger than <see cref="SlackOptions.InstallStateLifetime"/>, and comes back to that same browser. It also
/// carries the single-use install link (<see cref="SlackInstallLinks"/>) the install was started with, spent by the callback.
/// </summary>
public sealed class InstallState(IDataProtectionProvider protection, IOptions<SlackOptions> options, TimeProvider time)
{
    public const string CookieName = "chatcrm_slack_install";
    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Slack.OAuthState.v1");

    /// <summary>A new state carrying the install link that started it, and the nonce to keep in the browser's cookie.</summary>
    public (string State, string Nonce) Issue(Guid installLink)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var issued = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return (_protector.Protect($"{nonce}|{issued}|{installLink:N}"), nonce);
    }

    /// <summary>The install link the state carries when it is genuine, fresh and matches the cookie; otherwise why not (for the log).</summary>
    public (Guid InstallLink, string? Refusal) Check(string? state, string? cookieNonce)
    {
        var refusal = Refusal(state, cookieNonce, out var link);
        return (link, refusal);
    }

    private string? Refusal(string? state, string? cookieNonce, out Guid installLink)
    {
        installLink = Guid.Empty;
        if (string.IsNullOrEmpty(state))
            return "no state";
        string payload;
        try
        {
            payload = _protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return "state not issued by us";
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs)
            || !Guid.TryParseExact(parts[2], "N", out installLink))
            return "state unreadable";
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        if (age < TimeSpan.Zero || age >= options.Value.InstallStateLifetime)
            return "state expired";
        if (string.IsNullOrEmpty(cookieNonce)
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(parts[0]), HexOrEmpty(cookieNonce)))
            return "state started in another browser";
        return null;
    }

    private static byte[] HexOrEmpty(string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
