using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Infrastructure.Tests.Tiers.TierTestData;

namespace ChatCrm.Infrastructure.Tests.Offers;

/// <summary>Offer suggestions queued in the save (or tier recalculation) that triggers them, one per customer and trigger, on each engine.</summary>
public abstract class OfferTriggerQueueTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task SaveChanges_TwoLargeOrdersOfOneCustomer_KeepOneSuggestionWithTheNewerReason()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var walsh = Customer("Jennifer Walsh");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [walsh], Order(walsh, 5_000m, Now.AddDays(-2)));
        await using (var db = database.CreateContext())
        {
            db.Orders.Add(Order(walsh, 7_500m, Now));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var queued = await read.QueuedOfferSuggestions.SingleAsync();
        Assert.Equal(OfferTriggerKind.LargeOrder, queued.Trigger);
        Assert.Contains("7,500.00 EUR", queued.ReasonEnglish, StringComparison.Ordinal);
        Assert.Contains("pedido grande", queued.ReasonSpanish, StringComparison.Ordinal);
        // Two events, two pushes to the owner; both name the one suggestion row.
        var pushes = await read.InboxItems.Where(i => i.Channel == OfferEventOutbox.Channel).ToListAsync();
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, p => Assert.Equal(queued.Id, OfferEventNotice.FromPayload(p.Payload!)!.SuggestionId));
    }

    [Fact]
    public async Task SaveChanges_PushOfTheSameEventAlreadyStored_KeepsOnePushAndTheOrder()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var walsh = Customer("Jennifer Walsh");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [walsh]);
        var notice = new OfferEventNotice(Guid.NewGuid(), walsh.Id.Value, OfferTriggerKind.LargeOrder, Now, 6_000m, "EUR", null);
        await using (var db = database.CreateContext())
        {
            // Another instance (or an earlier try of this save) stored the push of this very event.
            db.InboxItems.Add(new InboxItem(OfferEventOutbox.Channel, OfferEventOutbox.Kind, OfferEventOutbox.DedupKey(notice), notice.ToPayload(), Now));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            db.Orders.Add(Order(walsh, 6_000m, Now));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(1, await read.InboxItems.CountAsync(i => i.Channel == OfferEventOutbox.Channel));
        Assert.Equal(1, await read.Orders.CountAsync());
        Assert.Equal(1, await read.QueuedOfferSuggestions.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_SmallOrderThenThreeTimesTheAverage_QueuesOnlyTheLargeOneForTheCustomer()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var small = Customer("Small Buyer");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [small], Order(small, 100m, Now.AddDays(-30)), Order(small, 120m, Now.AddDays(-20)), Order(small, 80m, Now.AddDays(-10)));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.QueuedOfferSuggestions.CountAsync());
            db.Orders.Add(Order(small, 350m, Now));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var queued = await read.QueuedOfferSuggestions.SingleAsync();
        Assert.Contains("3.5× the customer's average of 100.00 EUR", queued.ReasonEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_SuggestionAddedByAnotherSaveMeanwhile_RetriesAndKeepsOneRowAndTheOrder()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var walsh = Customer("Jennifer Walsh");
        await using (var db = database.CreateContext())
            await SaveAsync(db, [walsh], Order(walsh, 6_000m, Now.AddDays(-1)));

        await using (var db = database.CreateContext())
        {
            // As if this save had staged its suggestion before the other one committed: the unique index says no, the save retries.
            db.QueuedOfferSuggestions.Add(new QueuedOfferSuggestion(walsh.Id, new OfferTrigger(OfferTriggerKind.LargeOrder, new("stale", "obsoleta")), Now));
            db.Orders.Add(Order(walsh, 9_000m, Now));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var queued = await read.QueuedOfferSuggestions.SingleAsync();
        Assert.Contains("9,000.00 EUR", queued.ReasonEnglish, StringComparison.Ordinal);
        Assert.Equal(2, await read.Orders.CountAsync());
    }

    [Fact]
    public async Task RecalculateAsync_TiersMove_QueuesATierChangeForEachMoveButNotForFirstTiers()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var customers = Enumerable.Range(1, 10).Select(i => Customer($"Customer {i}")).ToList();
        await using (var db = database.CreateContext())
            await SaveAsync(db, customers, [.. customers.Select((c, i) => Order(c, 100m * (i + 1), Now.AddDays(-5)))]);
        await using (var db = database.CreateContext())
            await Recalculation(db, TestClock.Create()).RecalculateAsync(null, CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.QueuedOfferSuggestions.CountAsync());
            db.Orders.Add(Order(customers[0], 4_000m, Now.AddDays(-1)));
            await db.SaveChangesAsync();
            await Recalculation(db, TestClock.Create()).RecalculateAsync(null, CancellationToken.None);
        }

        await using var read = database.CreateContext();
        var moved = await read.TierChanges.Where(c => c.FromTier != null).Select(c => c.CustomerId).ToListAsync();
        var queued = await read.QueuedOfferSuggestions.Where(s => s.Trigger == OfferTriggerKind.TierChanged).Select(s => s.CustomerId).ToListAsync();
        Assert.NotEmpty(moved);
        Assert.Equal(moved.Select(id => id.Value).Order(), queued.Select(id => id.Value).Order());
    }
}

public sealed class SqliteOfferTriggerQueueTests : OfferTriggerQueueTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresOfferTriggerQueueTests : OfferTriggerQueueTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("offertriggers");
}
