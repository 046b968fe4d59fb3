using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using ChatCrm.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatCrm.Infrastructure.Tests.Tiers;

public sealed class SqliteTierRecalculationTests : TierRecalculationTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());

    /// <summary>SQLite has one write lock for the whole file: an immediate transaction holds it.</summary>
    protected override async Task<IAsyncDisposable> HoldTheWriteLockAsync()
    {
        var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    protected override CrmDbContext CreateImpatientContext() =>
        CrmDbContextFactory.Create(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(Database.ConnectionString) { DefaultTimeout = 1 }.ConnectionString);
}

public sealed class PostgresTierRecalculationTests : TierRecalculationTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("tiers");

    /// <summary>What a running recalculation holds on PostgreSQL: its advisory lock, for the life of its transaction.</summary>
    protected override async Task<IAsyncDisposable> HoldTheWriteLockAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({TierRecalculationLock.AdvisoryKey})", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
