using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Infrastructure.Tests.Migrations;

/// <summary>The start-up migrator on empty databases of each engine: applies everything once, then nothing.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task MigrateAsync_EmptyPostgresDatabase_AppliesAllMigrationsAndIsRepeatable()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(nameof(DatabaseMigratorTests));

        await AssertMigratesAndRepeatsAsync(database);
    }

    [Fact]
    public async Task MigrateAsync_EmptySqliteFile_AppliesAllMigrationsAndIsRepeatable()
    {
        await using var database = SqliteTestDatabase.TempFile();

        await AssertMigratesAndRepeatsAsync(database);
    }

    [Fact]
    public async Task MigrateAsync_SqliteFile_SwitchesToWalAndDataSurvivesReopening()
    {
        await using var database = SqliteTestDatabase.TempFile();
        var customer = CrmTestData.Customer("Inés Calvo");
        await using (var context = database.CreateContext())
        {
            await new DatabaseMigrator(context, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
        }

        await using var reopened = database.CreateContext();
        var journalMode = await reopened.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", journalMode);
        Assert.Equal("Inés Calvo", (await reopened.Customers.SingleAsync(c => c.Id == customer.Id)).DisplayName);
    }

    private static async Task AssertMigratesAndRepeatsAsync(CrmTestDatabase database)
    {
        await using (var context = database.CreateContext())
        {
            Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync());
            await new DatabaseMigrator(context, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }

        await using (var context = database.CreateContext())
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
            await new DatabaseMigrator(context, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            Assert.Equal(0, await context.Customers.CountAsync());
        }
    }
}
