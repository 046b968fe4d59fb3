using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>
/// Everything lives in the database: an interaction logged before a restart is there after it, and a dialog
/// interrupted by a restart continues where it stopped. Run on SQLite and on a real PostgreSQL server.
/// </summary>
public abstract class RestartTranscriptTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;

    protected CrmTestDatabase Database { get; private set; } = null!;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        _connector = await FakeBotConnector.StartAsync();
        await using var app = new ChatCrmApp(Database);
        await app.WithDatabaseAsync(async db =>
        {
            var ana = await db.AddRepAsync(CrmData.Ana);
            await db.AddCustomerAsync("Begoña Ibáñez", "Ordóñez y Castañeda", email: "begona@oyc.es", owner: ana);
        });
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await Database.DisposeAsync();
    }

    [Fact]
    public async Task LogThenRestart_LastShowsTheInteraction()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        await using (var before = new ChatCrmApp(Database))
        {
            var chat = before.Chat(_connector, CrmData.Ana, conversation);
            await chat.SendAsync("log ibanez");
            await chat.SendAsync("meeting");
            await chat.SendAsync("Agreed the rollout plan for the Bilbao plant");
            await chat.SendAsync("Signed off by the CFO");
            (await chat.SendAsync("no")).ShouldSay("Interaction logged");
        }

        await using var after = new ChatCrmApp(Database);
        var again = after.Chat(_connector, CrmData.Ana, conversation);
        (await again.SendAsync("last begoña")).ShouldSay(
            "Last conversation with Begoña Ibáñez", "Agreed the rollout plan for the Bilbao plant", "Signed off by the CFO", "Meeting", "Interactions in total: 1");
        Assert.Empty(_connector.Violations);
    }

    [Fact]
    public async Task RestartMidDialog_TheDialogContinuesWhereItStopped()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        await using (var before = new ChatCrmApp(Database))
        {
            var chat = before.Chat(_connector, CrmData.Ana, conversation);
            await chat.SendAsync("log begona@oyc.es");
            (await chat.SendAsync("visit")).ShouldSay("What was it about?");
        }

        await using var after = new ChatCrmApp(Database);
        var resumed = after.Chat(_connector, CrmData.Ana, conversation);
        (await resumed.SendAsync("Walked the factory floor")).ShouldSay("How did it end?");
        await resumed.SendAsync("skip");
        (await resumed.SendAsync("tomorrow")).ShouldSay("Interaction logged", "Walked the factory floor", "Visit");

        var stored = await after.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal("Walked the factory floor", stored.Summary);
    }
}

public sealed class SqliteRestartTranscriptTests : RestartTranscriptTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.MigratedFile());
}

public sealed class PostgresRestartTranscriptTests : RestartTranscriptTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(nameof(PostgresRestartTranscriptTests));
}
