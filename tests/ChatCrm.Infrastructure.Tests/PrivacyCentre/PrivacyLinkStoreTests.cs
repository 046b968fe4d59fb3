using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.PrivacyCentre;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.PrivacyCentre;

/// <summary>
/// Privacy centre links in the database: only the token's hash is stored, a link is spent once, and of two instances
/// that read the same unused link and both try to spend it, the second loses on the row's version.
/// </summary>
public abstract class PrivacyLinkStoreTests(DatabaseFixture db)
{
    [Fact]
    public async Task Issue_StoresOnlyTheHash_AndTheTokenSpendsOnce()
    {
        var customer = await AddCustomerAsync();
        await using var context = db.CreateContext();
        var store = new PrivacyLinkStore(context, TestClock.Create());

        var token = await store.IssueAsync(customer, TimeSpan.FromMinutes(15), null, default);

        var stored = await context.PrivacyLinks.AsNoTracking().SingleAsync(l => l.CustomerId == customer);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(SecretToken.Hash(token), stored.TokenHash);
        Assert.Equal(customer, await store.SpendAsync(token, default));
        Assert.Null(await store.SpendAsync(token, default));
    }

    [Fact]
    public async Task Spend_TwoInstancesReadTheSameLink_SecondSaveLosesOnTheVersion()
    {
        var customer = await AddCustomerAsync();
        var clock = TestClock.Create();
        string token;
        await using (var setup = db.CreateContext())
            token = await new PrivacyLinkStore(setup, clock).IssueAsync(customer, TimeSpan.FromMinutes(15), null, default);

        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var hash = SecretToken.Hash(token);
        var seenByFirst = await first.PrivacyLinks.SingleAsync(l => l.TokenHash == hash);
        var seenBySecond = await second.PrivacyLinks.SingleAsync(l => l.TokenHash == hash);

        seenByFirst.Use(clock.GetUtcNow());
        await first.SaveChangesAsync();
        seenBySecond.Use(clock.GetUtcNow());
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Spend_ExpiredOrForged_OpensNothing()
    {
        var customer = await AddCustomerAsync();
        var clock = TestClock.Create();
        await using var context = db.CreateContext();
        var store = new PrivacyLinkStore(context, clock);
        var token = await store.IssueAsync(customer, TimeSpan.FromMinutes(15), null, default);

        Assert.Null(await store.SpendAsync(SecretToken.New(), default));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await store.SpendAsync(token, default));
        Assert.Null((await context.PrivacyLinks.AsNoTracking().SingleAsync(l => l.CustomerId == customer)).UsedAt);
    }

    private async Task<Domain.Customers.CustomerId> AddCustomerAsync()
    {
        var customer = CrmTestData.Customer("Lucía Prieto");
        await using var setup = db.CreateContext();
        setup.Customers.Add(customer);
        await setup.SaveChangesAsync();
        return customer.Id;
    }
}

public sealed class SqlitePrivacyLinkStoreTests(SqliteFixture db) : PrivacyLinkStoreTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresPrivacyLinkStoreTests(PostgresFixture db) : PrivacyLinkStoreTests(db), IClassFixture<PostgresFixture>;
