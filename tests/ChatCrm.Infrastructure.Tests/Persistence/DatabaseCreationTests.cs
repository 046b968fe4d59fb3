using System.Collections.Concurrent;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// The first start against a PostgreSQL server where the configured database does not exist yet: created and migrated,
/// once even when two instances start together, or refused in one line when the account may not create databases.
/// </summary>
public sealed class DatabaseCreationTests : IAsyncLifetime
{
    private readonly string _name = $"chatcrm_created_{Guid.NewGuid():N}";
    private readonly string _role = $"chatcrm_nocreate_{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        await ExecuteOnServerAsync($"DROP ROLE IF EXISTS \"{_role}\"");
    }

    [Fact]
    public async Task MigrateAsync_DatabaseMissing_CreatesItAndAppliesEveryMigration()
    {
        Assert.False(await PostgresTestDatabase.ExistsAsync(_name));
        var log = new RecordingLogger();

        await using (var context = CrmDbContextFactory.Create(DatabaseProvider.Postgres, PostgresServer.ConnectionStringFor(_name)))
            await new DatabaseMigrator(context, log).MigrateAsync(CancellationToken.None);

        Assert.True(await PostgresTestDatabase.ExistsAsync(_name));
        await using var reopened = CrmDbContextFactory.Create(DatabaseProvider.Postgres, PostgresServer.ConnectionStringFor(_name));
        Assert.Equal(reopened.Database.GetMigrations(), await reopened.Database.GetAppliedMigrationsAsync());
        Assert.Contains(log.Messages, m => m.StartsWith("Created the database", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_TwoInstancesOnAMissingDatabase_BothSucceedAndMigrateOnce()
    {
        var log = new RecordingLogger();

        async Task StartAsync()
        {
            await using var context = CrmDbContextFactory.Create(DatabaseProvider.Postgres, PostgresServer.ConnectionStringFor(_name));
            await new DatabaseMigrator(context, log).MigrateAsync(CancellationToken.None);
        }
        await Task.WhenAll(Task.Run(StartAsync), Task.Run(StartAsync));

        Assert.Single(log.Messages, m => m.StartsWith("Applying", StringComparison.Ordinal));
        await using var reopened = CrmDbContextFactory.Create(DatabaseProvider.Postgres, PostgresServer.ConnectionStringFor(_name));
        Assert.Equal(reopened.Database.GetMigrations(), await reopened.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_AccountWithoutCreateDb_RefusesNamingTheSetting()
    {
        await ExecuteOnServerAsync($"CREATE ROLE \"{_role}\" LOGIN NOCREATEDB PASSWORD 'role-secret'");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringFor(_name))
        {
            Username = _role,
            Password = "role-secret",
        }.ConnectionString;

        await using var context = CrmDbContextFactory.Create(DatabaseProvider.Postgres, connectionString);
        var refusal = await Assert.ThrowsAsync<DatabaseSetupException>(() => new DatabaseMigrator(context, new RecordingLogger()).MigrateAsync(CancellationToken.None));

        Assert.Contains("Database:ConnectionString", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{_name}\"", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("CREATEDB", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(refusal.Message, refusal.ToString());
        Assert.False(await PostgresTestDatabase.ExistsAsync(_name));
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.MaintenanceConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The migrator's log lines, formatted, from any number of threads.</summary>
    private sealed class RecordingLogger : ILogger<DatabaseMigrator>
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));
    }
}
