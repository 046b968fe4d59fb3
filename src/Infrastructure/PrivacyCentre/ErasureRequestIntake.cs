using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>An erasure request, and the token the asking browser keeps to follow it (<see cref="ErasureRequest.StatusTokenHash"/>).</summary>
public sealed record FollowedErasureRequest(ErasureRequest Request, string StatusToken);

/// <summary>
/// A customer's erasure request from the privacy centre: stored with its deadline for a privacy officer to confirm in
/// chat. Asking again while one waits returns the one waiting, followed from then on by the browser that asked last.
/// </summary>
public sealed class ErasureRequestIntake(CrmDbContext db, TimeProvider time)
{
    public async Task<FollowedErasureRequest> RequestAsync(CustomerId customerId, TimeSpan deadline, CancellationToken ct)
    {
        var token = SecretToken.New();
        var waiting = await db.ErasureRequests.FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Status == ErasureRequestStatus.Pending, ct);
        if (waiting is not null)
        {
            waiting.FollowFrom(SecretToken.Hash(token));
            await db.SaveChangesAsync(ct);
            return new FollowedErasureRequest(waiting, token);
        }
        var now = time.GetUtcNow();
        var request = ErasureRequest.Make(customerId, now, deadline, SecretToken.Hash(token));
        db.ErasureRequests.Add(request);
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.RequestedErasure, customerId, now));
        await db.SaveChangesAsync(ct);
        return new FollowedErasureRequest(request, token);
    }

    /// <summary>The request a browser's status token follows, or null for no token, a forged one or one replaced since.</summary>
    public async Task<ErasureRequest?> FollowedByAsync(string? statusToken, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(statusToken))
            return null;
        var hash = SecretToken.Hash(statusToken!);
        return await db.ErasureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.StatusTokenHash == hash, ct);
    }
}
