using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>What one purge deleted.</summary>
public sealed record RetentionReport(int Interactions, int AuditEntries, int InboxItems, int OutboxMessages = 0);

/// <summary>
/// Deletes what is older than <see cref="RetentionOptions"/> allows: interactions (every version) by when they
/// happened, audit entries by when they were written, and processed inbox rows by when they were done (settled outbox replies by when they were
/// written); pending inbox work and pending replies are never touched. A few set-based statements, whatever the number of rows; run nightly by the scheduler
/// (once across instances), or by hand.
/// </summary>
public sealed class RetentionPurge(CrmDbContext db, IOptions<RetentionOptions> options, TimeProvider time)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retention = options.Value;
        var interactionsBefore = now - retention.Interactions;
        var old = db.Interactions.IgnoreQueryFilters().Where(i => i.OccurredAt < interactionsBefore);
        // The forms that logged them go first (the database would cascade, but a set-based delete says so itself).
        await db.SubmittedForms.Where(f => old.Any(i => i.Id == f.InteractionId)).ExecuteDeleteAsync(cancellationToken);
        var interactions = await old.ExecuteDeleteAsync(cancellationToken);

        var auditBefore = now - retention.AuditEntries;
        var audit = await db.AuditEntries.Where(a => a.At < auditBefore).ExecuteDeleteAsync(cancellationToken);

        var inboxBefore = now - retention.ProcessedInboxItems;
        var inbox = await db.InboxItems.Where(i => i.Status == InboxStatus.Done && i.CompletedAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        // Replies delivered (their bodies already gone) or failed, by when they were written; pending ones are never touched.
        var outbox = await db.OutboxMessages.Where(m => m.Status != Persistence.Outbox.OutboxStatus.Pending && m.CreatedAt < inboxBefore)
            .ExecuteDeleteAsync(cancellationToken);
        return new RetentionReport(interactions, audit, inbox, outbox);
    }
}
