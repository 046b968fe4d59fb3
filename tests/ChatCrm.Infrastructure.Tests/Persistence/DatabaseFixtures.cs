using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>One migrated database per test class; each test writes rows of its own (fresh ids and handles).</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private CrmTestDatabase? _database;

    public CrmTestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public DatabaseProvider Provider => Database.Provider;

    public CrmDbContext CreateContext() => Database.CreateContext();

    public async Task InitializeAsync() => _database = await (await CreateDatabaseAsync()).MigrateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();
}

public sealed class SqliteFixture : DatabaseFixture
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.InMemory());
}

public sealed class PostgresFixture : DatabaseFixture
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("infra");
}
