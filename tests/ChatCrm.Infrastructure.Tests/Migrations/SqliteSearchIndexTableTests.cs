using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence.Migrations.Sqlite;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Infrastructure.Tests.Migrations;

/// <summary>
/// On SQLite the word and pair index are <c>WITHOUT ROWID</c> tables (ADR 0015), which EF Core cannot express: the
/// migration says it in SQL, so a later migration that rebuilds one of these tables would silently lose it. These
/// tests notice that, and that the migration keeps the rows of a database indexed before it.
/// </summary>
public sealed class SqliteSearchIndexTableTests
{
    [Theory]
    [InlineData("CustomerSearchTerms")]
    [InlineData("CustomerSearchPairs")]
    public async Task MigrateAsync_Sqlite_SearchIndexTableHasNoRowIdAndKeepsItsCustomerIndex(string table)
    {
        await using var database = await SqliteTestDatabase.TempFile().MigrateAsync();
        await using var db = database.CreateContext();

        var definition = await db.Database.SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync();
        var indexes = await db.Database.SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = {table} AND sql IS NOT NULL").ToListAsync();

        Assert.EndsWith("WITHOUT ROWID", definition, StringComparison.Ordinal);
        Assert.Contains($"CREATE INDEX \"IX_{table}_CustomerId\" ON \"{table}\" (\"CustomerId\")", indexes);
    }

    [Fact]
    public async Task MigrateAsync_IndexWrittenBeforeTheMigration_KeepsEveryRowAndTheCascade()
    {
        await using var database = SqliteTestDatabase.TempFile();
        var customer = new Customer(CustomerId.New(), "María Núñez", "Cafés del Sur", CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow);
        await using (var before = database.CreateContext())
        {
            await before.GetService<IMigrator>().MigrateAsync(PreviousMigration(before));
            before.Customers.Add(customer);
            await before.SaveChangesAsync();
        }
        var termsBefore = await Words(database, customer.Id);
        var pairsBefore = await Pairs(database, customer.Id);

        await database.MigrateAsync();

        Assert.NotEmpty(termsBefore);
        Assert.NotEmpty(pairsBefore);
        Assert.Equal(termsBefore, await Words(database, customer.Id));
        Assert.Equal(pairsBefore, await Pairs(database, customer.Id));
        await using (var after = database.CreateContext())
        {
            await after.Customers.Where(c => c.Id == customer.Id).ExecuteDeleteAsync();
        }
        Assert.Empty(await Words(database, customer.Id));
        Assert.Empty(await Pairs(database, customer.Id));
    }

    private static string PreviousMigration(DbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(id => id.EndsWith($"_{nameof(SearchIndexWithoutRowId)}", StringComparison.Ordinal));
        Assert.True(index > 0, "the migration to WITHOUT ROWID tables is among the SQLite migrations");
        return migrations[index - 1];
    }

    private static async Task<List<string>> Words(CrmTestDatabase database, CustomerId customer)
    {
        await using var db = database.CreateContext();
        return await db.CustomerSearchTerms.Where(t => t.CustomerId == customer).Select(t => t.Word).OrderBy(w => w).ToListAsync();
    }

    private static async Task<List<string>> Pairs(CrmTestDatabase database, CustomerId customer)
    {
        await using var db = database.CreateContext();
        return await db.CustomerSearchPairs.Where(p => p.CustomerId == customer).Select(p => p.First + " " + p.Second).OrderBy(p => p).ToListAsync();
    }
}
