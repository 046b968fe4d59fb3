using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence.Bulk;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Infrastructure.Tests.Tiers.TierTestData;

namespace ChatCrm.Infrastructure.Tests.Offers;

/// <summary>Orders inserted in bulk and announced are staged by the next save of their transaction like added ones, and by no other.</summary>
public abstract class OfferTriggerBulkOrderTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task SaveChanges_LargeOrderWrittenInBulkAndAnnounced_QueuesItsSuggestionAndPushInTheTransaction()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var walsh = Customer("Jennifer Walsh");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [walsh]);

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var inserter = new BulkInserter(db);
            var order = Order(walsh, 7_500m, Now);
            await inserter.InsertAsync([order], CancellationToken.None);
            OfferTriggerUpkeep.WrittenInBulk(db, [order]);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var read = database.CreateContext();
        var queued = await read.QueuedOfferSuggestions.SingleAsync();
        Assert.Equal(OfferTriggerKind.LargeOrder, queued.Trigger);
        Assert.Contains("7,500.00 EUR", queued.ReasonEnglish, StringComparison.Ordinal);
        var push = await read.InboxItems.SingleAsync(i => i.Channel == OfferEventOutbox.Channel);
        Assert.Equal(queued.Id, OfferEventNotice.FromPayload(push.Payload!)!.SuggestionId);
    }

    [Fact]
    public async Task SaveChanges_OrdersAnnouncedInATransactionRolledBack_QueueNothingInTheNextTransaction()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var walsh = Customer("Jennifer Walsh");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [walsh]);

        await using (var db = database.CreateContext())
        {
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                await using var inserter = new BulkInserter(db);
                var order = Order(walsh, 9_000m, Now);
                await inserter.InsertAsync([order], CancellationToken.None);
                OfferTriggerUpkeep.WrittenInBulk(db, [order]);
                await rolledBack.RollbackAsync();
            }
            // The same context (as a pooled one would be) saves something else in a new transaction.
            await using var next = await db.Database.BeginTransactionAsync();
            db.Offers.Add(Offer("INV-FUND", "Investments"));
            await db.SaveChangesAsync();
            await next.CommitAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(0, await read.Orders.CountAsync());
        Assert.Equal(0, await read.QueuedOfferSuggestions.CountAsync());
        Assert.Equal(0, await read.InboxItems.CountAsync(i => i.Channel == OfferEventOutbox.Channel));
    }
}

public sealed class SqliteOfferTriggerBulkOrderTests : OfferTriggerBulkOrderTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresOfferTriggerBulkOrderTests : OfferTriggerBulkOrderTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("offerbulk");
}
