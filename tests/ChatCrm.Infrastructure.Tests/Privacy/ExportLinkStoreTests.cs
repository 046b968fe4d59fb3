using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Infrastructure.PrivacyCentre;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Privacy;

/// <summary>
/// Export links in the database: only the token's hash is stored, a link is spent once, and of two instances that read
/// the same unused link and both try to spend it, the second loses on the row's version.
/// </summary>
public abstract class ExportLinkStoreTests(DatabaseFixture db)
{
    [Fact]
    public async Task Issue_StoresOnlyTheHash_AndTheTokenSpendsOnce()
    {
        var (customer, officer) = await AddCustomerAndOfficerAsync();
        await using var context = db.CreateContext();
        var store = new ExportLinkStore(context, TestClock.Create());

        var token = await store.IssueAsync(customer, officer, TimeSpan.FromMinutes(15), default);

        var stored = await context.ExportLinks.AsNoTracking().SingleAsync(l => l.CustomerId == customer);
        Assert.Equal(SecretToken.Hash(token), stored.TokenHash);
        Assert.Equal(officer, (await store.SpendAsync(token, default))?.RequestedBy);
        Assert.Null(await store.SpendAsync(token, default));
    }

    [Fact]
    public async Task Spend_TwoInstancesReadTheSameLink_SecondSaveLosesOnTheVersion()
    {
        var (customer, officer) = await AddCustomerAndOfficerAsync();
        var clock = TestClock.Create();
        string token;
        await using (var setup = db.CreateContext())
            token = await new ExportLinkStore(setup, clock).IssueAsync(customer, officer, TimeSpan.FromMinutes(15), default);

        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var hash = SecretToken.Hash(token);
        var seenByFirst = await first.ExportLinks.SingleAsync(l => l.TokenHash == hash);
        var seenBySecond = await second.ExportLinks.SingleAsync(l => l.TokenHash == hash);

        seenByFirst.Use(clock.GetUtcNow());
        await first.SaveChangesAsync();
        seenBySecond.Use(clock.GetUtcNow());
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private async Task<(CustomerId Customer, UserId Officer)> AddCustomerAndOfficerAsync()
    {
        var customer = CrmTestData.Customer("Lucía Prieto");
        var officer = CrmTestData.Rep("Ana Belén Galíndez");
        await using var setup = db.CreateContext();
        setup.Customers.Add(customer);
        setup.Users.Add(officer);
        await setup.SaveChangesAsync();
        return (customer.Id, officer.Id);
    }
}

public sealed class SqliteExportLinkStoreTests(SqliteFixture db) : ExportLinkStoreTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresExportLinkStoreTests(PostgresFixture db) : ExportLinkStoreTests(db), IClassFixture<PostgresFixture>;
