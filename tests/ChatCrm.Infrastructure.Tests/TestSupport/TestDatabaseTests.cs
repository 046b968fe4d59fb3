using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.TestSupport;

/// <summary>The shared test databases clean up after themselves and fail loudly when misconfigured.</summary>
public sealed class TestDatabaseTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RequireConnectionString_Missing_ThrowsWithWhatToDo(string? configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresServer.RequireConnectionString(configured));

        Assert.Contains("set CHATCRM_TEST_POSTGRES", error.Message, StringComparison.Ordinal);
        Assert.Contains("run ./test.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresTestDatabase_Dispose_DropsDatabaseEvenWithOpenConnections()
    {
        var database = await PostgresTestDatabase.CreateAsync("Dispose Check!");
        Assert.Matches("^chatcrm_disposecheck_[0-9a-f]{32}$", database.Name);
        Assert.True(await PostgresTestDatabase.ExistsAsync(database.Name));
        await using var lingering = database.CreateContext();
        await lingering.Database.OpenConnectionAsync();

        await database.DisposeAsync();

        Assert.False(await PostgresTestDatabase.ExistsAsync(database.Name));
    }

    [Fact]
    public async Task PostgresTestDatabase_LongLabel_NameFitsPostgresLimit()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(new string('x', 100));

        Assert.True(database.Name.Length <= 63);
        Assert.True(await PostgresTestDatabase.ExistsAsync(database.Name));
    }

    [Fact]
    public async Task SqliteInMemory_TwoContexts_SeeTheSameDataUntilDisposed()
    {
        var customer = CrmTestData.Customer("Olga Prieto");
        var database = SqliteTestDatabase.InMemory();
        await database.MigrateAsync();
        await using (var write = database.CreateContext())
        {
            write.Customers.Add(customer);
            await write.SaveChangesAsync();
        }
        await using (var read = database.CreateContext())
            Assert.True(await read.Customers.AnyAsync(c => c.Id == customer.Id));

        await database.DisposeAsync();

        await using var afterwards = CrmDbContextFactory.Create(DatabaseProvider.Sqlite, database.ConnectionString);
        Assert.Empty(await afterwards.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task SqliteTempFile_Dispose_DeletesTheFile()
    {
        var database = SqliteTestDatabase.TempFile();
        await database.MigrateAsync();
        var path = database.FilePath!;
        Assert.True(File.Exists(path));

        await database.DisposeAsync();

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task CreateMigratedAsync_Sqlite_ReturnsUsableProviderContext()
    {
        await using var database = SqliteTestDatabase.TempFile();

        await using var context = await CrmDbContextFactory.CreateMigratedAsync(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.IsType<ChatCrm.Infrastructure.Persistence.Providers.SqliteCrmDbContext>(context);
        Assert.Equal(0, await context.Users.CountAsync());
    }
}
