using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Providers;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// A chat turn from an address this instance confirmed stored a moment ago does not read the reference again; a
/// changed address, a retirement by this instance and the end of the confirmation's lifetime all send it back to the database.
/// </summary>
public sealed class ConversationReferenceShortcutTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly ReadCounter _reads = new("ConversationReferences");
    private FakeBotConnector _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _app = new ChatCrmApp(_database)
        {
            TestServices = services =>
            {
                services.AddSingleton(new ConfirmedConversationReferences(_clock));
                services.ConfigureDbContext<SqliteCrmDbContext>(builder => builder.AddInterceptors(_reads));
            },
        };
        await _app.WithDatabaseAsync(db => db.AddRepAsync(CrmData.Ana));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Message_SameAddressAgain_DoesNotReadTheReference()
    {
        var chat = _app.Chat(_connector, CrmData.Ana);
        await chat.SendAsync("help");
        var afterFirst = _reads.Count;

        (await chat.SendAsync("help")).ShouldSay("find");

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, _reads.Count);
        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
    }

    [Fact]
    public async Task Message_AfterThisInstanceRetiredTheReference_RevivesIt()
    {
        var chat = _app.Chat(_connector, CrmData.Ana);
        await chat.SendAsync("help");
        _connector.NextRefusals.Enqueue((403, "BotNotInConversationRoster"));
        await chat.SendAsync("help");
        Assert.False((await ReferenceAsync(chat.ConversationId))!.IsUsable);

        await chat.SendAsync("help");

        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
    }

    [Fact]
    public async Task Message_RetiredByAnotherInstance_RevivedOnceTheConfirmationLapses()
    {
        var chat = _app.Chat(_connector, CrmData.Ana);
        await chat.SendAsync("help");
        await _app.WithDatabaseAsync(db => db.ConversationReferences.Where(r => r.ConversationId == chat.ConversationId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RetiredAt, DateTimeOffset.UtcNow).SetProperty(r => r.RetiredReason, "Elsewhere")));

        await chat.SendAsync("help");
        var withinLifetime = await ReferenceAsync(chat.ConversationId);
        _clock.Advance(ConfirmedConversationReferences.Lifetime + TimeSpan.FromSeconds(1));
        await chat.SendAsync("help");

        Assert.False(withinLifetime!.IsUsable);
        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
    }

    [Fact]
    public async Task Message_FromAChangedServiceUrl_StoresTheNewAddress()
    {
        await using var otherRegion = await FakeBotConnector.StartAsync();
        var chat = _app.Chat(_connector, CrmData.Ana);
        await chat.SendAsync("help");

        var moved = _app.Chat(otherRegion, CrmData.Ana, chat.ConversationId);
        await moved.SendAsync("help");

        Assert.Equal(otherRegion.ServiceUrl.ToString(), (await ReferenceAsync(chat.ConversationId))!.ServiceUrl);
    }

    private Task<ConversationReferenceRecord?> ReferenceAsync(string conversationId) =>
        _app.WithDatabaseAsync(db => db.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(r => r.ConversationId == conversationId));
}
