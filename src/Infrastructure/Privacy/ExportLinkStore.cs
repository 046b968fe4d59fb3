using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Privacy;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>
/// Issues single-use export download links and spends them. The token leaves only in the card; the database keeps its
/// hash, so any instance can honour a link another issued. Spending checks the row's version, so of two downloads of
/// one link at the same moment (on one instance or two) only one gets the file.
/// </summary>
public sealed class ExportLinkStore(CrmDbContext db, TimeProvider time)
{
    /// <returns>The token to put in the link (saved already).</returns>
    public async Task<string> IssueAsync(CustomerId customer, UserId requestedBy, TimeSpan lifetime, CancellationToken ct)
    {
        var token = SecretToken.New();
        db.ExportLinks.Add(ExportLink.Issue(SecretToken.Hash(token), customer, requestedBy, time.GetUtcNow(), lifetime));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <returns>The spent link, or null when it is unknown, used, expired or was just used by another download.</returns>
    public async Task<ExportLink?> SpendAsync(string? token, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return null;
        var hash = SecretToken.Hash(token!);
        var link = await db.ExportLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
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
        return link;
    }
}
