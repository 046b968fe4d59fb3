using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Privacy;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// Single-use download links for customer exports. The token is 256 random bits; the database keeps only its hash
/// (<see cref="ExportLinkStore"/>), so any instance behind the load balancer can honour a link another instance issued.
/// A link works once, for <see cref="PrivacyOptions.ExportLinkLifetime"/> (at most one hour).
/// </summary>
public sealed class ExportLinks(ExportLinkStore store, IOptions<PrivacyOptions> options)
{
    public const string RoutePrefix = "/privacy/exports/";

    /// <summary>How long a link works, as the card tells it.</summary>
    public TimeSpan Lifetime => options.Value.ExportLinkLifetime;

    /// <returns>The link, or null when no public address is configured.</returns>
    public async Task<Uri?> IssueAsync(CustomerId customer, UserId requestedBy, CancellationToken ct)
    {
        if (options.Value.PublicBaseUrl is not { } baseUrl)
            return null;
        var token = await store.IssueAsync(customer, requestedBy, options.Value.ExportLinkLifetime, ct);
        return new Uri(baseUrl, RoutePrefix + token);
    }

    /// <returns>The link, now spent, or null when the token is not one we issued, was used already or has expired.</returns>
    public Task<ExportLink?> SpendAsync(string token, CancellationToken ct) => store.SpendAsync(token, ct);
}
