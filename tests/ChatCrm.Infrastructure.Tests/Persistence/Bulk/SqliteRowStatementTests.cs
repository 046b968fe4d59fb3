using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence.Bulk;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Infrastructure.Tests.Persistence.Bulk;

/// <summary>
/// On SQLite, bulk rows are bound by position through SQLite's own API instead of Microsoft.Data.Sqlite's parameters:
/// every value must be stored exactly as the driver stores it (same storage class, same text), or EF would read back
/// something else.
/// </summary>
public sealed class SqliteRowStatementTests
{
    private enum Shade
    {
        Light = 1,
        Dark = 7,
    }

    public static TheoryData<object?> Values() => new()
    {
        "Núñez", "", Guid.Parse("0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f"), 639_321_956_606_832_617L, -42, (short)7, (byte)200, true, false,
        3.25d, 1.5f, Shade.Dark, null,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Bind_EachSupportedType_StoresWhatTheDriverStores(object? value)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v)";
            await create.ExecuteNonQueryAsync();
        }
        await using (var driver = connection.CreateCommand())
        {
            driver.CommandText = "INSERT INTO t VALUES (@v)";
            driver.Parameters.AddWithValue("@v", value ?? DBNull.Value);
            await driver.ExecuteNonQueryAsync();
        }
        Assert.True(SqliteValueBinding.Supports(value is null ? typeof(string) : value.GetType()));
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO t VALUES (?1)", out var statement);
        using (statement)
        {
            Assert.Equal(SQLitePCL.raw.SQLITE_OK, rc);
            Assert.Equal(SQLitePCL.raw.SQLITE_OK, SqliteValueBinding.Bind(statement, 1, value ?? DBNull.Value));
            Assert.Equal(SQLitePCL.raw.SQLITE_DONE, SQLitePCL.raw.sqlite3_step(statement));
        }

        var stored = await ReadAsync(connection, "SELECT typeof(v) || ':' || quote(v) FROM t ORDER BY rowid");

        Assert.Equal(stored[0], stored[1]);
    }

    [Fact]
    public async Task InsertAsync_ImportedCustomerRows_AreStoredAsTheMultiRowStatementsStoreThem()
    {
        await using var database = await SqliteTestDatabase.InMemory().MigrateAsync();
        await using var db = database.CreateContext();
        var customer = new Customer(CustomerId.New(), "Begoña Ibáñez", "Peñalara, S.L.", CountryCode.Parse("ES"), LanguageCode.Parse("es"), DateTimeOffset.UtcNow);
        customer.AddIdentity(IdentityKind.Email, "begona@example.es");
        customer.AddIdentity(IdentityKind.ExternalId, "B-1");
        List<object> customers = [customer];
        List<object> identities = [.. customer.Identities];
        List<object> terms = [new CustomerSearchTerm("begona", customer.Id)];
        List<object> pairs = [new CustomerSearchPair("begona", "ibanez", customer.Id)];

        var byDriver = await WrittenAsync(db, (table, connection, rows) =>
        {
            using var command = table.CreateCommand(connection, rows, 0, rows.Count);
            command.ExecuteNonQuery();
        }, customers, identities, terms, pairs);
        var byPosition = await WrittenAsync(db, (table, connection, rows) =>
        {
            using var statement = SqliteRowStatement.TryPrepare(table, (SqliteConnection)connection);
            Assert.NotNull(statement);
            statement.Insert(rows, CancellationToken.None);
        }, customers, identities, terms, pairs);

        Assert.Equal(byDriver, byPosition);
        Assert.Equal(5, byDriver.Count);
    }

    /// <summary>Writes the rows of each list with <paramref name="write"/> in a transaction, reads every column back as SQLite holds it, rolls back.</summary>
    private static async Task<List<string>> WrittenAsync(DbContext db, Action<BulkInsertTable, System.Data.Common.DbConnection, List<object>> write,
        params List<object>[] tables)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        var stored = new List<string>();
        foreach (var rows in tables)
        {
            var entityType = db.Model.FindEntityType(rows[0].GetType())!;
            var table = BulkInsertTable.Create(entityType, db.GetService<ISqlGenerationHelper>(), 100, 1000);
            write(table, connection, rows);
            var columns = string.Join(" || '|' || ", entityType.GetProperties().Select(p => $"typeof(\"{p.GetColumnName()}\") || ':' || quote(\"{p.GetColumnName()}\")"));
            // By the primary key: the search index tables have no rowid on SQLite (ADR 0015).
            var key = string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
            stored.AddRange(await ReadAsync((SqliteConnection)connection, $"SELECT {columns} FROM \"{entityType.GetTableName()}\" ORDER BY {key}", transaction.GetDbTransaction()));
        }
        await transaction.RollbackAsync();
        return stored;
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql, System.Data.Common.DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)transaction;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
