using System.Globalization;
using System.Security.Cryptography;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>Who asked for which customer's export; carried inside a download link's token.</summary>
public sealed record ExportTicket(CustomerId CustomerId, UserId RequestedBy);

/// <summary>
/// Short-lived, tamper-proof download links for customer exports. The token is encrypted and signed by ASP.NET
/// Core Data Protection with keys kept in the database, so any instance behind the load balancer can honour a
/// link another instance issued; it stops working after <see cref="PrivacyOptions.ExportLinkLifetime"/>.
/// </summary>
public sealed class ExportLinks(IDataProtectionProvider protection, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public const string RoutePrefix = "/privacy/exports/";

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("ChatCrm.Privacy.CustomerExport.v1").ToTimeLimitedDataProtector();

    /// <returns>The link, or null when no public address is configured.</returns>
    public Uri? Issue(ExportTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (options.Value.PublicBaseUrl is not { } baseUrl)
            return null;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{ticket.CustomerId.Value:N}|{ticket.RequestedBy.Value:N}");
        var token = Protector.Protect(payload, time.GetUtcNow() + options.Value.ExportLinkLifetime);
        return new Uri(baseUrl, RoutePrefix + token);
    }

    /// <returns>The ticket, or null when the token was not issued by us, was altered, or has expired.</returns>
    public ExportTicket? Read(string token)
    {
        try
        {
            var parts = Protector.Unprotect(token, out var expires).Split('|');
            if (expires < time.GetUtcNow() || parts.Length != 2
                || !Guid.TryParseExact(parts[0], "N", out var customer) || !Guid.TryParseExact(parts[1], "N", out var user))
                return null;
            return new ExportTicket(new CustomerId(customer), new UserId(user));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
