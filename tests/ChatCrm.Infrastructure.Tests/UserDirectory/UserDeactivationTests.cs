using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.UserDirectory;

/// <summary>
/// <see cref="UserDeactivation"/> on SQLite and PostgreSQL: the customers go to the named colleague in the same
/// transaction as the deactivation, or nothing changes. Each test has a database of its own (admin counts matter).
/// </summary>
public abstract class UserDeactivationTests : IAsyncLifetime
{
    private CrmTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await (await CreateDatabaseAsync()).MigrateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task DeactivateAsync_RepWithCustomers_HandsEveryOneOverAndAudits()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        var leaving = await services.AddAsync("ana@ejemplo.es");
        var heir = await services.AddAsync("luis@ejemplo.es");
        var other = await services.AddAsync("otro@ejemplo.es");
        var theirs = Enumerable.Range(0, 3).Select(i => CrmTestData.Customer($"Cliente {i}")).ToList();
        theirs.ForEach(c => c.AssignOwner(leaving.Id));
        var notTheirs = CrmTestData.Customer("Cliente ajeno");
        notTheirs.AssignOwner(other.Id);
        db.Customers.AddRange([.. theirs, notTheirs]);
        await db.SaveChangesAsync();

        var result = await services.Deactivation.DeactivateAsync("ana@ejemplo.es", "luis@ejemplo.es", DirectoryActor.CommandLine, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(3, result.Value!.CustomersHandedOver);
        await using var reread = _database.CreateContext();
        Assert.False((await reread.Users.SingleAsync(u => u.Id == leaving.Id)).IsActive);
        Assert.Equal(3, await reread.Customers.CountAsync(c => c.OwnerId == heir.Id));
        Assert.Equal(0, await reread.Customers.CountAsync(c => c.OwnerId == leaving.Id));
        Assert.Equal(other.Id, (await reread.Customers.SingleAsync(c => c.Id == notTheirs.Id)).OwnerId);
        var audit = await reread.AuditEntries.SingleAsync(a => a.Actor == leaving.Id && a.Details!.StartsWith("users deactivate"));
        Assert.Equal($"users deactivate: user {leaving.Id}; active -> deactivated; role: SalesRep; 3 customer(s) handed over to user {heir.Id}; by: command line",
            audit.Details);
    }

    [Fact]
    public async Task DeactivateAsync_LastActiveAdmin_IsRefusedAndNothingChanges()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        var admin = await services.AddAsync("admin@ejemplo.es", "Admin");
        await services.AddAsync("luis@ejemplo.es");

        var result = await services.Deactivation.DeactivateAsync("admin@ejemplo.es", "luis@ejemplo.es", DirectoryActor.CommandLine, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("is the last admin", problem.Message, StringComparison.Ordinal);
        await using var reread = _database.CreateContext();
        Assert.True((await reread.Users.SingleAsync(u => u.Id == admin.Id)).IsActive);
    }

    [Fact]
    public async Task DeactivateAsync_HandOverToSomeoneWhoCannotOwnCustomers_IsRefused()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        await services.AddAsync("ana@ejemplo.es");
        await services.AddAsync("admin@ejemplo.es", "Admin");

        var result = await services.Deactivation.DeactivateAsync("ana@ejemplo.es", "admin@ejemplo.es", DirectoryActor.CommandLine, CancellationToken.None);

        Assert.Equal("handOverTo", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task DeactivateAsync_ThenReactivate_LetsTheUserBackIn()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        var ana = await services.AddAsync("ana@ejemplo.es");
        await services.AddAsync("luis@ejemplo.es");
        Assert.True((await services.Deactivation.DeactivateAsync("ana@ejemplo.es", "luis@ejemplo.es", DirectoryActor.CommandLine, CancellationToken.None)).Succeeded);

        var again = await services.Deactivation.DeactivateAsync("ana@ejemplo.es", "luis@ejemplo.es", DirectoryActor.CommandLine, CancellationToken.None);
        var back = await services.Update.UpdateAsync("ana@ejemplo.es", new UserChanges(Reactivate: true), DirectoryActor.CommandLine, CancellationToken.None);

        Assert.Contains("already deactivated", Assert.Single(again.Problems).Message, StringComparison.Ordinal);
        Assert.True(back.Succeeded);
        await using var reread = _database.CreateContext();
        Assert.True((await reread.Users.SingleAsync(u => u.Id == ana.Id)).IsActive);
    }
}

public sealed class SqliteUserDeactivationTests : UserDeactivationTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.InMemory());
}

public sealed class PostgresUserDeactivationTests : UserDeactivationTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(nameof(PostgresUserDeactivationTests));
}
