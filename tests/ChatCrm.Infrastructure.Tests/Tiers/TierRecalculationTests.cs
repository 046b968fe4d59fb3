using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Infrastructure.Tests.Tiers.TierTestData;

namespace ChatCrm.Infrastructure.Tests.Tiers;

/// <summary>
/// The recalculation against real engines: figures summed and converted in the database, tiers from the domain's
/// assigner, history only for real moves. Each test has a database of its own, because a recalculation covers
/// every customer in it.
/// </summary>
public abstract class TierRecalculationTests : IAsyncLifetime
{
    private CrmTestDatabase? _database;

    protected CrmTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await (await CreateDatabaseAsync()).MigrateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    /// <summary>Takes the lock a recalculation needs, on a connection of the test's own, until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldTheWriteLockAsync();

    /// <summary>A context whose connection gives up waiting for a lock quickly.</summary>
    protected virtual CrmDbContext CreateImpatientContext() => Database.CreateContext();

    [Fact]
    public async Task RecalculateAsync_Twice_SecondRunRecordsNoChanges()
    {
        var clock = TestClock.Create();
        var (a, b, c, d, idle) = (Customer("A"), Customer("B"), Customer("C"), Customer("D"), Customer("Idle"));
        await using (var db = Database.CreateContext())
        {
            var day = TestClock.Now.AddDays(-1);
            await SaveAsync(db, [a, b, c, d, idle], Order(a, 500m, day), Order(b, 300m, day), Order(c, 150m, day), Order(d, 50m, day));
        }

        TierRecalculationReport first;
        await using (var db = Database.CreateContext())
            first = await Recalculation(db, clock).RecalculateAsync(progress: null, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        TierRecalculationReport second;
        await using (var db = Database.CreateContext())
            second = await Recalculation(db, clock).RecalculateAsync(progress: null, CancellationToken.None);

        Assert.Equal(5, first.Changes);
        Assert.Equal(0, second.Changes);
        Assert.Equal(1000m, second.TotalValue);
        Assert.Equal((1, 500m), (second.For(ValueTier.Platinum).Customers, second.For(ValueTier.Platinum).Value));
        await using var read = Database.CreateContext();
        var tiers = await read.CustomerValues.ToDictionaryAsync(v => v.CustomerId, v => v.Tier);
        Assert.Equal(ValueTier.Platinum, tiers[a.Id]);
        Assert.Equal(ValueTier.Gold, tiers[b.Id]);
        Assert.Equal(ValueTier.Silver, tiers[c.Id]);
        Assert.Equal(ValueTier.Bronze, tiers[d.Id]);
        Assert.Equal(ValueTier.Bronze, tiers[idle.Id]);
        Assert.Equal(5, await read.TierChanges.CountAsync());
        Assert.All(await read.TierChanges.ToListAsync(), change => Assert.Null(change.FromTier));
        Assert.All(await read.CustomerValues.ToListAsync(), v => Assert.Equal(clock.GetUtcNow(), v.CalculatedAt));
    }

    [Fact]
    public async Task RecalculateAsync_NewBigOrder_RecordsOnlyTheCustomersWhoMoved()
    {
        var clock = TestClock.Create();
        var (a, b, c, d) = (Customer("A"), Customer("B"), Customer("C"), Customer("D"));
        var day = TestClock.Now.AddDays(-3);
        await using (var db = Database.CreateContext())
            await SaveAsync(db, [a, b, c, d], Order(a, 500m, day), Order(b, 300m, day), Order(c, 150m, day), Order(d, 50m, day));
        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        await using (var db = Database.CreateContext())
        {
            db.Orders.Add(Order(d, 1000m, TestClock.Now.AddDays(-1)));
            await db.SaveChangesAsync();
        }
        clock.Advance(TimeSpan.FromDays(1));
        TierRecalculationReport report;
        await using (var db = Database.CreateContext())
            report = await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        // Total 2,000: D (1,050) starts at 0% → Platinum; A (500) at 52.5% → Gold; B (300) at 77.5% → still Gold; C at 92.5% → still Silver.
        Assert.Equal(2, report.Changes);
        await using var read = Database.CreateContext();
        var latest = await read.TierChanges.Where(t => t.ChangedAt == clock.GetUtcNow()).ToListAsync();
        Assert.Equal(
            [(a.Id, (ValueTier?)ValueTier.Platinum, ValueTier.Gold), (d.Id, ValueTier.Bronze, ValueTier.Platinum)],
            latest.Select(t => (t.CustomerId, t.FromTier, t.ToTier)).OrderBy(t => t.CustomerId == a.Id ? 0 : 1));
    }

    [Fact]
    public async Task RecalculateAsync_MixedCurrencies_ConvertedInTheDatabaseAndNeverAddedRaw()
    {
        var clock = TestClock.Create();
        var maria = Customer("María");
        var day = TestClock.Now.AddDays(-5);
        Domain.Orders.Order[] orders =
        [
            Order(maria, 100m, day),
            Order(maria, 10.05m, day, "GBP"),   // 11.7585 EUR
            Order(maria, 33.33m, day, "USD"),   // 30.6636 EUR
            Order(maria, 5000m, day, "JPY"),    // no rate: left out, counted
        ];
        await using (var db = Database.CreateContext())
            await SaveAsync(db, [maria], orders);

        TierRecalculationReport report;
        await using (var db = Database.CreateContext())
            report = await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        var expected = CustomerFigures.FromOrders(maria.Id, orders, ValueWindow.TrailingYear(clock.GetUtcNow()), TierTestData.Options().ToExchangeRates());
        Assert.Equal(142.42m, expected.Value);
        await using var read = Database.CreateContext();
        var value = await read.CustomerValues.SingleAsync(v => v.CustomerId == maria.Id);
        Assert.Equal(expected.Value, value.Value12Months);
        Assert.Equal("EUR", value.ReportingCurrency);
        Assert.Equal(4, value.OrdersIn12Months);
        Assert.Equal(expected.LastOrderAt, value.LastOrderAt);
        Assert.Equal(1, report.UnconvertedOrders);
        Assert.Equal(142.42m, report.TotalValue);
    }

    [Fact]
    public async Task RecalculateAsync_GoldOrdersAgeOutOfTheWindow_RecordsDroppedFromGold()
    {
        var clock = TestClock.Create();
        var (a, b, c, d) = (Customer("A"), Customer("B"), Customer("C"), Customer("D"));
        var recent = TestClock.Now.AddDays(-1);
        var elevenMonthsAgo = TestClock.Now.AddMonths(-11);
        await using (var db = Database.CreateContext())
            await SaveAsync(db, [a, b, c, d], Order(a, 500m, recent), Order(b, 300m, elevenMonthsAgo), Order(c, 150m, recent), Order(d, 50m, recent));
        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(61)); // B's only order is now more than twelve months old
        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        await using var read = Database.CreateContext();
        var history = await read.TierChanges.Where(t => t.CustomerId == b.Id).OrderBy(t => t.ChangedAt).ToListAsync();
        Assert.Equal(2, history.Count);
        var drop = history[1];
        Assert.Equal((ValueTier.Gold, ValueTier.Bronze), (drop.FromTier, drop.ToTier));
        Assert.Equal(clock.GetUtcNow(), drop.ChangedAt);
        Assert.StartsWith("dropped from Gold", drop.Describe(), StringComparison.Ordinal);
        var value = await read.CustomerValues.SingleAsync(v => v.CustomerId == b.Id);
        Assert.Equal((0m, 0, elevenMonthsAgo), (value.Value12Months, value.OrdersIn12Months, value.LastOrderAt));
    }

    [Fact]
    public async Task RecalculateAsync_Needs_AreTheCategoriesBoughtInTheWindow()
    {
        var clock = TestClock.Create();
        var maria = Customer("María");
        var other = Customer("Other");
        await using (var db = Database.CreateContext())
        {
            db.Offers.AddRange(Offer("SW-CRM", "Software"), Offer("SV-ONB", "Services"), Offer("HW-POS", "Hardware"));
            await SaveAsync(db, [maria, other],
                Order(maria, 10m, TestClock.Now.AddDays(-1), product: "SW-CRM"),
                Order(maria, 10m, TestClock.Now.AddDays(-2), product: "SW-CRM"),
                Order(maria, 10m, TestClock.Now.AddDays(-3), product: "SV-ONB"),
                Order(maria, 10m, TestClock.Now.AddMonths(-13), product: "HW-POS"),
                Order(other, 10m, TestClock.Now.AddDays(-1), product: "HW-POS"));
        }

        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);
        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);

        await using var read = Database.CreateContext();
        var needs = await read.CustomerNeeds.Where(n => n.CustomerId == maria.Id).Select(n => n.Category).ToListAsync();
        Assert.Equal(new NeedsSegment(["Services", "Software"]), new NeedsSegment(needs));
        Assert.Equal(3, await read.CustomerNeeds.CountAsync());

        clock.Advance(TimeSpan.FromDays(366)); // everything has aged out of the window
        await using (var db = Database.CreateContext())
            await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None);
        Assert.Equal(0, await read.CustomerNeeds.CountAsync());
    }

    [Fact]
    public async Task RecalculateAsync_AnotherRunHoldsTheLock_IsRefusedClearlyAndChangesNothing()
    {
        var clock = TestClock.Create();
        var maria = Customer("María");
        await using (var db = Database.CreateContext())
            await SaveAsync(db, [maria], Order(maria, 10m, TestClock.Now.AddDays(-1)));

        await using (await HoldTheWriteLockAsync())
        {
            await using var db = CreateImpatientContext();
            var error = await Assert.ThrowsAsync<TierRecalculationBusyException>(() =>
                Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None));
            Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        }

        await using (var read = Database.CreateContext())
            Assert.Equal(0, await read.CustomerValues.CountAsync());
        await using (var db = Database.CreateContext())
            Assert.Equal(1, (await Recalculation(db, clock).RecalculateAsync(null, CancellationToken.None)).Customers);
    }
}
