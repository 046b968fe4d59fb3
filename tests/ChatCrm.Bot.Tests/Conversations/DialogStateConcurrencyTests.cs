using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>
/// Two instances (or two quick messages) advancing the same dialog: the second save fails on the concurrency
/// token instead of silently overwriting the first.
/// </summary>
public sealed class DialogStateConcurrencyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private static readonly IncomingTurn Turn = new(ChatChannel.Teams, "a:race", new ChatUser("29:racer", null, "Racer"), "x", null, "en-US");

    public async Task InitializeAsync() => await _database.MigrateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Stage_TwoInstancesAdvanceTheSameDialog_TheSecondSaveFails()
    {
        await SaveAsync(new DialogState("log", "kind") { CustomerName = "First" });
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var firstStore = Store(first);
        var secondStore = Store(second);
        await firstStore.LoadAsync(Turn, CancellationToken.None);
        await secondStore.LoadAsync(Turn, CancellationToken.None);

        firstStore.Stage(Turn, new DialogState("log", "summary") { CustomerName = "First" });
        await first.SaveChangesAsync();
        secondStore.Stage(Turn, new DialogState("log", "outcome") { CustomerName = "Second" });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.CreateContext();
        Assert.Equal("summary", (await Store(check).LoadAsync(Turn, CancellationToken.None))!.Step);
    }

    private async Task SaveAsync(DialogState state)
    {
        await using var db = _database.CreateContext();
        var store = Store(db);
        await store.LoadAsync(Turn, CancellationToken.None);
        store.Stage(Turn, state);
        await db.SaveChangesAsync();
    }

    private static DialogStateStore Store(ChatCrm.Infrastructure.Persistence.CrmDbContext db) =>
        new(db, TimeProvider.System, Options.Create(new ConversationOptions()));
}
