using ChatCrm.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>One handle belongs to one customer: the unique index on (Kind, Value) holds on every engine.</summary>
public abstract class IdentityUniquenessTests(DatabaseFixture db)
{
    [Fact]
    public async Task SaveChanges_SecondCustomerWithSameEmail_IsRejected()
    {
        var email = CrmTestData.UniqueEmail();
        var first = CrmTestData.Customer("Ana López");
        first.AddIdentity(IdentityKind.Email, email);
        await using (var context = db.CreateContext())
        {
            context.Customers.Add(first);
            await context.SaveChangesAsync();
        }

        var second = CrmTestData.Customer("Ana López (duplicada)");
        second.AddIdentity(IdentityKind.Email, $"  {email.ToUpperInvariant()} ");
        await using (var context = db.CreateContext())
        {
            context.Customers.Add(second);
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using var read = db.CreateContext();
        var owners = await read.CustomerIdentities
            .Where(i => i.Kind == IdentityKind.Email && i.Value == email)
            .Select(i => i.CustomerId)
            .ToListAsync();
        Assert.Equal([first.Id], owners);
        Assert.False(await read.Customers.AnyAsync(c => c.Id == second.Id));
    }

    [Fact]
    public async Task SaveChanges_SameValueForDifferentKinds_IsAllowed()
    {
        var handle = $"CC{Guid.NewGuid():N}".ToUpperInvariant();
        var loyal = CrmTestData.Customer("Pedro Gil");
        loyal.AddIdentity(IdentityKind.LoyaltyNumber, handle);
        var inErp = CrmTestData.Customer("Pedro Gil Sanz");
        inErp.AddIdentity(IdentityKind.ExternalId, handle);

        await using (var context = db.CreateContext())
        {
            context.Customers.AddRange(loyal, inErp);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        Assert.Equal(2, await read.CustomerIdentities.CountAsync(i => i.Value == handle));
    }
}

public sealed class SqliteIdentityUniquenessTests(SqliteFixture db) : IdentityUniquenessTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresIdentityUniquenessTests(PostgresFixture db) : IdentityUniquenessTests(db), IClassFixture<PostgresFixture>;
