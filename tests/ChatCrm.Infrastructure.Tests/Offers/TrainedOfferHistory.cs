using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Offers;

/// <summary>
/// One database per engine and test class with 300 seeded customers' history and one model trained on it, for the
/// tests that only rank against it: seeding and training once instead of once per test.
/// </summary>
public abstract class TrainedOfferHistory : IAsyncLifetime
{
    public CrmTestDatabase Database { get; private set; } = null!;

    /// <summary>A fresh, empty database of this engine (for the tests that need one of their own).</summary>
    public abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await (await CreateDatabaseAsync()).MigrateAsync();
        await OfferModelTests.SeedAsync(Database, customers: 300);
        await using var db = Database.CreateContext();
        await OfferModelTests.Training(db).TrainAsync(null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteTrainedOfferHistory : TrainedOfferHistory
{
    public override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresTrainedOfferHistory : TrainedOfferHistory
{
    public override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("offers");
}
