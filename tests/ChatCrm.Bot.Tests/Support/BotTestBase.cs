using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// The usual set-up of an HTTP test: a SQLite file of the test's own, a fake Bot Connector on loopback, and
/// the bot host on that database with the data the test arranges. Everything is released afterwards.
/// </summary>
public abstract class BotTestBase : IAsyncLifetime
{
    protected SqliteTestDatabase Database { get; } = SqliteTestDatabase.MigratedFile();

    protected FakeBotConnector Connector { get; private set; } = null!;

    protected ChatCrmApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync();
        App = new ChatCrmApp(Database, Settings) { TestServices = ConfigureServices };
        await App.WithDatabaseAsync(ArrangeAsync);
    }

    /// <summary>Every test that talks through the fake connector also proves that everything the bot posted was valid.</summary>
    public async Task DisposeAsync()
    {
        var violations = Connector.Violations;
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Database.DisposeAsync();
        Assert.Empty(violations);
    }

    /// <summary>Settings a test class gives its host (none by default).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test class replaces in its host (none by default).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The people and customers the test talks about.</summary>
    protected abstract Task ArrangeAsync(CrmDbContext db);
}
