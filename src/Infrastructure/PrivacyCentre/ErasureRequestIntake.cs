using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>
/// A customer's erasure request from the privacy centre: stored with its deadline for a privacy officer to confirm in
/// chat. Asking again while one waits returns the one waiting.
/// </summary>
public sealed class ErasureRequestIntake(CrmDbContext db, TimeProvider time)
{
    public async Task<ErasureRequest> RequestAsync(CustomerId customerId, TimeSpan deadline, CancellationToken ct)
    {
        var waiting = await db.ErasureRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Status == ErasureRequestStatus.Pending, ct);
        if (waiting is not null)
            return waiting;
        var now = time.GetUtcNow();
        var request = ErasureRequest.Make(customerId, now, deadline);
        db.ErasureRequests.Add(request);
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.RequestedErasure, customerId, now));
        await db.SaveChangesAsync(ct);
        return request;
    }
}
