using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// The stored conversation references that proactive messages will use: stored on install with a single welcome,
/// retired on uninstall and when the connector refuses the conversation (403 roster/blocked, 404 not found).
/// </summary>
public sealed class ConversationReferenceTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db) => await db.AddRepAsync(CrmData.Ana);

    private Task<ConversationReferenceRecord?> ReferenceAsync(string conversationId) =>
        App.WithDatabaseAsync(db => db.ConversationReferences.SingleOrDefaultAsync(r => r.ConversationId == conversationId));

    [Fact]
    public async Task InstallationUpdate_Add_StoresTheReferenceAndWelcomesOnce()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var install = await chat.PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "add"));
        var alsoAnnounced = await chat.PostAsync(TeamsActivities.BotInstalled(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana));

        install.ShouldSay("Hi! I'm ChatCrm");
        Assert.Empty(alsoAnnounced.Messages);
        var reference = await ReferenceAsync(chat.ConversationId);
        Assert.NotNull(reference);
        Assert.True(reference.IsUsable);
        Assert.Equal(Connector.ServiceUrl.ToString(), reference.ServiceUrl);
        Assert.Equal(TeamsActivities.TenantId, reference.TenantId);
        Assert.Equal(TeamsActivities.BotId, reference.BotId);
        Assert.Equal(CrmData.Ana.ChatId, reference.UserId);
        Assert.Equal(CrmData.Ana.AadObjectId, reference.AadObjectId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal($"teams:{chat.ConversationId}", reference.ConversationKey);
    }

    [Fact]
    public async Task InstallationUpdate_Remove_RetiresTheReferenceUntilTheUserComesBack()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "add"));

        var removal = await chat.PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "remove"));

        Assert.Equal(System.Net.HttpStatusCode.OK, removal.Status);
        Assert.Empty(removal.Messages);
        var retired = await ReferenceAsync(chat.ConversationId);
        Assert.False(retired!.IsUsable);
        Assert.Equal("Uninstalled", retired.RetiredReason);

        await chat.SendAsync("help");
        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(404, "ConversationNotFound")]
    public async Task Reply_ConnectorSaysTheConversationIsGone_RetiresTheReference(int status, string code)
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("help");
        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
        Connector.NextRefusals.Enqueue((status, code));

        var turn = await chat.SendAsync("help");

        Assert.Equal(System.Net.HttpStatusCode.OK, turn.Status);
        var reference = await ReferenceAsync(chat.ConversationId);
        Assert.False(reference!.IsUsable);
        Assert.Equal(code, reference.RetiredReason);
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(500, "ServiceError")]
    public async Task Reply_OtherRefusals_LeaveTheReferenceUsable(int status, string code)
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("help");
        Connector.NextRefusals.Enqueue((status, code));

        await chat.SendAsync("help");

        Assert.True((await ReferenceAsync(chat.ConversationId))!.IsUsable);
    }

    [Fact]
    public async Task Retire_WhileAnotherInstanceHoldsTheReference_MakesItsStaleSaveFail()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("help");

        await App.WithDatabaseAsync(async db =>
        {
            var stale = await db.ConversationReferences.SingleAsync(r => r.ConversationId == chat.ConversationId);
            Connector.NextRefusals.Enqueue((403, "BotNotInConversationRoster"));
            await chat.SendAsync("help");

            stale.Refresh(new ConversationAddress("https://elsewhere.example/", chat.ConversationId, "personal", null, "28:x", "29:y", null), DateTimeOffset.UtcNow);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });
        Assert.Equal("BotNotInConversationRoster", (await ReferenceAsync(chat.ConversationId))!.RetiredReason);
    }
}
