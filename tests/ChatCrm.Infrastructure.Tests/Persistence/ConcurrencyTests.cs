using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>The shadow <c>Version</c> token: the second of two concurrent writers loses, and says so.</summary>
public abstract class ConcurrencyTests(DatabaseFixture db)
{
    [Fact]
    public async Task SaveChanges_TwoContextsRenameSameCustomer_SecondThrowsAndFirstIsKept()
    {
        var customer = CrmTestData.Customer("Carmen Ruiz");
        await using (var setup = db.CreateContext())
        {
            setup.Customers.Add(customer);
            await setup.SaveChangesAsync();
        }

        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var seenByFirst = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var seenBySecond = await second.Customers.SingleAsync(c => c.Id == customer.Id);

        seenByFirst.Rename("Carmen Ruiz Ortega");
        await first.SaveChangesAsync();
        seenBySecond.Rename("Carmen Ruíz Díaz");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = db.CreateContext();
        var stored = await read.Customers.SingleAsync(c => c.Id == customer.Id);
        Assert.Equal("Carmen Ruiz Ortega", stored.DisplayName);
        Assert.Equal("carmen ruiz ortega", stored.NameKey);
        Assert.Equal(1L, read.Entry(stored).Property<long>(ConcurrencyVersion.PropertyName).CurrentValue);
    }

    [Fact]
    public async Task SaveChanges_EachUpdate_BumpsVersion()
    {
        var customer = CrmTestData.Customer("Raúl Santos");
        await using var context = db.CreateContext();
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
        var version = context.Entry(customer).Property<long>(ConcurrencyVersion.PropertyName);
        Assert.Equal(0L, version.CurrentValue);

        customer.Rename("Raúl Santos Vega");
        await context.SaveChangesAsync();
        customer.MoveToCompany("Santos e Hijos");
        await context.SaveChangesAsync();

        Assert.Equal(2L, version.CurrentValue);
        await using var read = db.CreateContext();
        var stored = await read.Customers.SingleAsync(c => c.Id == customer.Id);
        Assert.Equal(2L, read.Entry(stored).Property<long>(ConcurrencyVersion.PropertyName).CurrentValue);
        Assert.Equal("santos e hijos", stored.CompanyKey);
    }

    [Fact]
    public async Task SaveChanges_StaleWriterAfterReload_Succeeds()
    {
        var customer = CrmTestData.Customer("Elena Martín");
        await using (var setup = db.CreateContext())
        {
            setup.Customers.Add(customer);
            await setup.SaveChangesAsync();
        }
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var seenByFirst = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var seenBySecond = await second.Customers.SingleAsync(c => c.Id == customer.Id);
        seenByFirst.Rename("Elena Martín Gómez");
        await first.SaveChangesAsync();

        await second.Entry(seenBySecond).ReloadAsync();
        seenBySecond.Rename("Elena Martín López");
        await second.SaveChangesAsync();

        await using var read = db.CreateContext();
        Assert.Equal("Elena Martín López", (await read.Customers.SingleAsync(c => c.Id == customer.Id)).DisplayName);
    }
}

public sealed class SqliteConcurrencyTests(SqliteFixture db) : ConcurrencyTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresConcurrencyTests(PostgresFixture db) : ConcurrencyTests(db), IClassFixture<PostgresFixture>;
