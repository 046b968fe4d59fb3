using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>Server-side sessions of the privacy centre: the cookie carries a random token, the database its hash.</summary>
public sealed class PrivacySessionStore(CrmDbContext db, TimeProvider time)
{
    /// <returns>The token for the session cookie (saved already).</returns>
    public async Task<string> StartAsync(CustomerId customer, TimeSpan lifetime, CancellationToken ct)
    {
        var token = SecretToken.New();
        db.PrivacySessions.Add(PrivacySession.Start(SecretToken.Hash(token), customer, time.GetUtcNow(), lifetime));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <returns>The customer of an active session, or null (no such session, ended, or expired).</returns>
    public async Task<CustomerId?> FindAsync(string? token, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return null;
        var hash = SecretToken.Hash(token!);
        var session = await db.PrivacySessions.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, ct);
        return session is not null && session.IsActiveAt(time.GetUtcNow()) ? session.CustomerId : null;
    }

    /// <summary>Signs out: the session stops working everywhere at once.</summary>
    public async Task EndAsync(string? token, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return;
        var hash = SecretToken.Hash(token!);
        var session = await db.PrivacySessions.FirstOrDefaultAsync(s => s.TokenHash == hash, ct);
        if (session is null)
            return;
        session.End(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
