using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// A digest for a Teams manager who never opened a personal chat with the bot: the chat is created with the
/// connector (<c>POST /v3/conversations</c>) in the tenant a stored reference gives, stored, and used again next time.
/// </summary>
public sealed class DigestConversationTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");

    private User _carmen = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia");
        await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
    }

    [Fact]
    public async Task Dispatch_OnlyAnotherUsersChatIsKnown_CreatesTheManagersChatByObjectIdAndSendsThere()
    {
        await App.Chat(Connector, CrmData.Ana).SendAsync("help"); // the tenant and service URL are known from Ana's chat
        await SubscribeDueNowAsync();

        await DispatchAsync();

        var create = Assert.Single(Connector.CreatedConversations);
        Assert.Equal(Carmen.AadObjectId, (string?)create["members"]![0]!["id"]);
        Assert.Equal(TeamsActivities.TenantId, (string?)create["channelData"]!["tenant"]!["id"]);
        Assert.Equal(TeamsActivities.BotId, (string?)create["bot"]!["id"]);
        var created = $"a:personal-{TeamsActivities.TenantId}-{Carmen.AadObjectId}";
        var digest = Assert.Single(Connector.Activities, a => a.Card is not null && a.ConversationId == created);
        Assert.Contains("Your team's digest", digest.Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.ConversationReferences.SingleAsync(r => r.ConversationId == created));
        Assert.Equal(("personal", Carmen.AadObjectId, TeamsActivities.TenantId), (stored.ConversationType, stored.AadObjectId, stored.TenantId));
        Assert.NotNull((await App.WithDatabaseAsync(db => db.DigestDeliveries.SingleAsync())).SentAt);
    }

    [Fact]
    public async Task Dispatch_ManagerKnownFromAGroupChat_CreatesTheChatWithTheirTeamsIdOnceAndReusesIt()
    {
        await App.Chat(Connector, Carmen, conversationType: "groupChat").SendAsync("help");
        await SubscribeDueNowAsync();

        await DispatchAsync();
        await App.WithDatabaseAsync(db => db.DigestDeliveries.ExecuteDeleteAsync()); // as if the next period had come
        await DispatchAsync();

        var create = Assert.Single(Connector.CreatedConversations);
        Assert.Equal(Carmen.ChatId, (string?)create["members"]![0]!["id"]);
        var created = $"a:personal-{TeamsActivities.TenantId}-{Carmen.ChatId}";
        Assert.Equal(2, Connector.Activities.Count(a => a.Card is not null && a.ConversationId == created));
    }

    [Fact]
    public async Task Dispatch_ReferencesOfTwoTenantsAndNoneOfTheManager_GuessesNothing()
    {
        await App.Chat(Connector, CrmData.Ana).SendAsync("help");
        await App.WithDatabaseAsync(async db =>
        {
            db.ConversationReferences.Add(new ConversationReferenceRecord("teams:a:other-tenant",
                new ConversationAddress(Connector.ServiceUrl.ToString(), "a:other-tenant", "personal", "another-tenant", TeamsActivities.BotId, "29:x", "aad-x"),
                DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        await SubscribeDueNowAsync();

        await DispatchAsync();

        Assert.Empty(Connector.CreatedConversations);
        Assert.Equal("NoTeamsConversation", (await App.WithDatabaseAsync(db => db.DigestDeliveries.SingleAsync())).Failure);
    }

    private Task SubscribeDueNowAsync() => DigestDueNow.SubscribeAsync(App, _carmen.Id);

    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);
    }
}
