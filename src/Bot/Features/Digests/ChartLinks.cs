using System.Globalization;
using System.Security.Cryptography;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// Short-lived signed addresses of chart pictures (<c>{Charts:PublicBaseUrl}/charts/{token}.png</c>). The token is
/// the <see cref="ChartRequest"/> encrypted and signed with Data Protection (the key ring every instance shares through
/// the database), so any instance can draw a chart another issued, nobody can alter one or make one up, and the
/// address shows nothing of what it names. It works until <see cref="ChartOptions.LinkLifetime"/> has passed.
/// </summary>
public sealed class ChartLinks(IDataProtectionProvider protection, IOptions<ChartOptions> options, TimeProvider time)
{
    public const string RoutePrefix = "/charts/";
    public const string Extension = ".png";
    private const string Version = "1";
    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Charts.Links.v1");

    /// <summary>True when the cards may carry charts (enabled, and an https address Teams and Slack can reach).</summary>
    public bool Reachable => options.Value.Reachable;

    /// <returns>The chart's address, or null when charts cannot be reached (<see cref="Reachable"/>).</returns>
    public Uri? Issue(ChartKind kind, UserId managerId, KpiPeriod period, LanguageCode language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Reachable)
            return null;
        var expires = time.GetUtcNow() + options.Value.LinkLifetime;
        var payload = string.Join('|', Version, ((int)kind).ToString(CultureInfo.InvariantCulture), managerId.Value.ToString("N"),
            Millis(period.Since), Millis(period.Until), language.Value, Millis(expires), zone.Id);
        return new Uri(options.Value.PublicBaseUrl!, RoutePrefix + _protector.Protect(payload) + Extension);
    }

    /// <summary>What the token names, and whether it still works.</summary>
    public (ChartLinkState State, ChartRequest? Request) Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return (ChartLinkState.Unknown, null);
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or FormatException)
        {
            return (ChartLinkState.Unknown, null);
        }
        if (Parse(payload) is not { } request)
            return (ChartLinkState.Unknown, null);
        return time.GetUtcNow() >= request.ExpiresAt ? (ChartLinkState.Expired, null) : (ChartLinkState.Valid, request);
    }

    private static ChartRequest? Parse(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 8 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) || !Enum.IsDefined((ChartKind)kind)
            || !Guid.TryParseExact(parts[2], "N", out var manager)
            || ReadMillis(parts[3]) is not { } since || ReadMillis(parts[4]) is not { } until || ReadMillis(parts[6]) is not { } expires)
            return null;
        var language = parts[5] == LanguageCode.Spanish.Value ? LanguageCode.Spanish : LanguageCode.English;
        return new ChartRequest((ChartKind)kind, new UserId(manager), new KpiPeriod(since, until), language, parts[7], expires);
    }

    private static string Millis(DateTimeOffset moment) => moment.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadMillis(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
