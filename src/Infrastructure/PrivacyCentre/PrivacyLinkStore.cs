using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>
/// Issues single-use privacy centre links and spends them. The token leaves only in the e-mail; the database keeps its
/// hash. Spending checks the row's version, so of two presses of one link (on one instance or two) only one wins.
/// </summary>
public sealed class PrivacyLinkStore(CrmDbContext db, TimeProvider time)
{
    /// <returns>The token to put in the link (saved already).</returns>
    public async Task<string> IssueAsync(CustomerId customer, TimeSpan lifetime, UserId? sentBy, CancellationToken ct)
    {
        var token = SecretToken.New();
        db.PrivacyLinks.Add(PrivacyLink.Issue(SecretToken.Hash(token), customer, time.GetUtcNow(), lifetime, sentBy));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <returns>The customer the link opens for, or null when it is unknown, used, expired or was just used by another press.</returns>
    public async Task<CustomerId?> SpendAsync(string? token, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return null;
        var hash = SecretToken.Hash(token!);
        var link = await db.PrivacyLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        var now = time.GetUtcNow();
        if (link is null || !link.OpensAt(now))
            return null;
        link.Use(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(link).State = EntityState.Detached;
            return null;
        }
        return link.CustomerId;
    }

    /// <summary>Whether the link can still be spent (for the page that asks the customer to continue).</summary>
    public async Task<bool> IsOpenAsync(string? token, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return false;
        var hash = SecretToken.Hash(token!);
        var now = time.GetUtcNow();
        return await db.PrivacyLinks.AsNoTracking().AnyAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now, ct);
    }

    /// <summary>Links issued to the customer since <paramref name="since"/>, on every instance (the per-customer cap).</summary>
    public Task<int> CountIssuedSinceAsync(CustomerId customer, DateTimeOffset since, CancellationToken ct) =>
        db.PrivacyLinks.CountAsync(l => l.CustomerId == customer && l.IssuedAt > since, ct);
}
