using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// "The last conversation" is ordered and filtered by time in the database. SQLite stores UTC ticks, PostgreSQL
/// timestamptz: both must order by the instant, whatever offset the time was given in.
/// </summary>
public abstract class NewestInteractionTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset Base = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OrderByDescendingOccurredAt_SeveralInteractions_FirstIsNewest()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var other = CrmTestData.Customer("Otro Cliente");
        // 10:30 in Madrid (+01:00) is 09:30 UTC: later than 09:00 UTC, earlier than 09:45 UTC.
        var madrid = CrmTestData.Call(customer, rep, new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1)));
        var newest = CrmTestData.Call(customer, rep, Base.AddMinutes(45).AddTicks(10));
        var almostNewest = CrmTestData.Call(customer, rep, Base.AddMinutes(45));
        var oldest = CrmTestData.Call(customer, rep, Base);
        var otherCustomersLater = CrmTestData.Call(other, rep, Base.AddDays(1));
        await SaveAsync(rep, [customer, other], madrid, newest, otherCustomersLater, oldest, almostNewest);

        await using var read = db.CreateContext();
        var last = await read.Interactions
            .Where(i => i.CustomerId == customer.Id)
            .OrderByDescending(i => i.OccurredAt)
            .FirstAsync();
        var order = await read.Interactions
            .Where(i => i.CustomerId == customer.Id)
            .OrderByDescending(i => i.OccurredAt)
            .Select(i => i.Id)
            .ToListAsync();

        Assert.Equal(newest.Id, last.Id);
        Assert.Equal([newest.Id, almostNewest.Id, madrid.Id, oldest.Id], order);
    }

    [Fact]
    public async Task WhereOccurredAtSince_MixedOffsets_ComparesInstants()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var before = CrmTestData.Call(customer, rep, new DateTimeOffset(2026, 3, 2, 9, 59, 0, TimeSpan.FromHours(1)));
        var after = CrmTestData.Call(customer, rep, new DateTimeOffset(2026, 3, 2, 4, 1, 0, TimeSpan.FromHours(-5)));
        await SaveAsync(rep, [customer], before, after);

        await using var read = db.CreateContext();
        var since = Base; // 09:00 UTC; "before" is 08:59 UTC and "after" 09:01 UTC
        var found = await read.Interactions
            .Where(i => i.CustomerId == customer.Id && i.OccurredAt >= since)
            .Select(i => i.Id)
            .ToListAsync();

        Assert.Equal([after.Id], found);
    }

    private async Task SaveAsync(Domain.Users.User rep, Domain.Customers.Customer[] customers, params Domain.Interactions.Interaction[] interactions)
    {
        await using var write = db.CreateContext();
        write.Users.Add(rep);
        write.Customers.AddRange(customers);
        write.Interactions.AddRange(interactions);
        await write.SaveChangesAsync();
    }
}

public sealed class SqliteNewestInteractionTests(SqliteFixture db) : NewestInteractionTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresNewestInteractionTests(PostgresFixture db) : NewestInteractionTests(db), IClassFixture<PostgresFixture>;
