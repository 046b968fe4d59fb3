using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// The nightly retention purge deletes exactly what is past its retention — interactions (every version, with the
/// forms that logged them) by when they happened, audit entries by when they were written, processed inbox rows by
/// when they were done, settled replies by when they were written — and nothing younger, no pending inbox work or
/// reply, and no other table.
/// </summary>
public abstract class RetentionPurgeTests(DatabaseFixture db)
{
    private static readonly RetentionOptions Retention = new()
    {
        Interactions = TimeSpan.FromDays(365), AuditEntries = TimeSpan.FromDays(180), ProcessedInboxItems = TimeSpan.FromDays(14),
    };

    [Fact]
    public async Task Purge_DeletesWhatIsPastRetention_AndKeepsEverythingYounger()
    {
        var now = TestClock.Now;
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var old = CrmTestData.Call(customer, rep, now.AddDays(-400));
        var oldAmendment = old.Amend(old.OccurredAt, now.AddDays(-399), InteractionChannel.Phone, InteractionKind.Call, "Corrected", null, null);
        var recent = CrmTestData.Call(customer, rep, now.AddDays(-300));
        var oldForm = Guid.NewGuid();
        var oldAudit = new AuditEntry(rep.Id, AuditAction.ViewedCustomer, customer.Id, "Teams", now.AddDays(-181));
        var recentAudit = new AuditEntry(rep.Id, AuditAction.ViewedCustomer, customer.Id, "Teams", now.AddDays(-179));
        var oldDone = Inbox("done long ago", now.AddDays(-20), completedAt: now.AddDays(-15));
        var recentDone = Inbox("done lately", now.AddDays(-20), completedAt: now.AddDays(-13));
        var oldPending = Inbox("still to do", now.AddDays(-20), completedAt: null);
        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.Add(customer);
            write.Interactions.AddRange(old, oldAmendment, recent);
            write.SubmittedForms.Add(new SubmittedFormRecord(oldForm, old.Id, rep.Id, old.RecordedAt));
            write.AuditEntries.AddRange(oldAudit, recentAudit);
            write.InboxItems.AddRange(oldDone, recentDone, oldPending);
            await write.SaveChangesAsync();
        }

        RetentionReport report;
        await using (var purge = db.CreateContext())
            report = await new RetentionPurge(purge, Microsoft.Extensions.Options.Options.Create(Retention), TestClock.Create(now)).RunAsync(CancellationToken.None);

        await using var read = db.CreateContext();
        var interactions = await read.Interactions.IgnoreQueryFilters().Where(i => i.CustomerId == customer.Id).Select(i => i.Id).ToListAsync();
        Assert.Equal([recent.Id], interactions);
        Assert.False(await read.SubmittedForms.AnyAsync(f => f.FormId == oldForm));
        var audit = await read.AuditEntries.Where(a => a.CustomerId == customer.Id).Select(a => a.Id).ToListAsync();
        Assert.Equal([recentAudit.Id], audit);
        var inbox = await read.InboxItems.Where(i => i.Id == oldDone.Id || i.Id == recentDone.Id || i.Id == oldPending.Id).Select(i => i.Id).ToListAsync();
        Assert.Equal(new[] { recentDone.Id, oldPending.Id }.Order(), inbox.Order());
        Assert.True(report.Interactions >= 2 && report.AuditEntries >= 1 && report.InboxItems >= 1); // other tests' rows may be old too
        Assert.True(await read.Customers.AnyAsync(c => c.Id == customer.Id)); // the customer leaves through erasure, not here
    }

    [Fact]
    public async Task Purge_SettledRepliesPastRetention_AreDeletedAndPendingOnesKept()
    {
        var now = TestClock.Now;
        var oldFailed = Reply(now.AddDays(-20), settled: true);
        var recentFailed = Reply(now.AddDays(-13), settled: true);
        var oldPending = Reply(now.AddDays(-20), settled: false);
        await using (var write = db.CreateContext())
        {
            write.OutboxMessages.AddRange(oldFailed, recentFailed, oldPending);
            await write.SaveChangesAsync();
        }

        RetentionReport report;
        await using (var purge = db.CreateContext())
            report = await new RetentionPurge(purge, Microsoft.Extensions.Options.Options.Create(Retention), TestClock.Create(now)).RunAsync(CancellationToken.None);

        await using var read = db.CreateContext();
        var kept = await read.OutboxMessages.Where(m => m.Id == oldFailed.Id || m.Id == recentFailed.Id || m.Id == oldPending.Id).Select(m => m.Id).ToListAsync();
        Assert.Equal(new[] { recentFailed.Id, oldPending.Id }.Order(), kept.Order());
        Assert.True(report.OutboxMessages >= 1);
    }

    private static OutboxMessage Reply(DateTimeOffset writtenAt, bool settled)
    {
        var message = new OutboxMessage("slack", $"retention-test:{Guid.NewGuid():N}", 0, "{}", "{}", "turn", writtenAt, TimeSpan.FromSeconds(15));
        if (settled)
            message.Refuse("slack chat.postMessage: channel_not_found");
        return message;
    }

    private static InboxItem Inbox(string name, DateTimeOffset receivedAt, DateTimeOffset? completedAt)
    {
        var item = new InboxItem("retention-test", "test", $"{name}:{Guid.NewGuid():N}", "{}", receivedAt);
        if (completedAt is { } at)
            item.Complete(at);
        return item;
    }
}

public sealed class SqliteRetentionPurgeTests(SqliteFixture db) : RetentionPurgeTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresRetentionPurgeTests(PostgresFixture db) : RetentionPurgeTests(db), IClassFixture<PostgresFixture>;
