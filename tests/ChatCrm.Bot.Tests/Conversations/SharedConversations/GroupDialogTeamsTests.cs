using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations.SharedConversations;

/// <summary>
/// A dialog begun in a Teams group chat asks its questions in the person's personal chat, and is answered there: the
/// dialog belongs to the person, not the group. A choice among several customers is pressed there too. The group sees
/// one notice per turn and none of the answers.
/// </summary>
public sealed class GroupDialogTeamsTests : BotTestBase
{
    private readonly string _group = $"19:{Guid.NewGuid():N}@thread.v2";

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("Teresa Blanco", "Blanco Logística", email: "teresa@blanco.es", owner: ana);
        await db.AddCustomerAsync("Teresa Bravo", "Bravo Hermanos", email: "teresa@bravo.es", owner: ana);
    }

    [Fact]
    public async Task Log_BegunInAGroup_IsAnsweredInThePersonalChatAndStoresOneInteraction()
    {
        await App.Chat(Connector, CrmData.Ana, _group, conversationType: "groupChat").SendAsync("<at>ChatCrm</at> log");
        var personal = PersonalChat();
        Assert.Contains("Which customer?", PersonalText(personal), StringComparison.Ordinal);

        var chat = App.Chat(Connector, CrmData.Ana, personal);
        (await chat.SendAsync("teresa@blanco.es")).ShouldSay("Teresa Blanco", "What kind of contact");
        (await chat.SendAsync("call")).ShouldSay("What was it about?");
        (await chat.SendAsync("Renewal of the fleet contract")).ShouldSay("How did it end?");
        (await chat.SendAsync("Sends the signed order on Friday")).ShouldSay("follow-up");
        (await chat.SendAsync("no")).ShouldSay("Interaction logged");

        var stored = Assert.Single(await App.WithDatabaseAsync(db => db.Interactions.ToListAsync()));
        Assert.Equal("Renewal of the fleet contract", stored.Summary);
        Assert.DoesNotContain("Renewal", GroupText, StringComparison.Ordinal);
        Assert.Empty(await App.WithDatabaseAsync(db => db.DialogStates.ToListAsync()));
    }

    [Fact]
    public async Task Find_SeveralMatchesInAGroup_TheChoiceIsPressedInThePersonalChat()
    {
        await App.Chat(Connector, CrmData.Ana, _group, conversationType: "groupChat").SendAsync("<at>ChatCrm</at> last teresa");
        var chat = App.Chat(Connector, CrmData.Ana, PersonalChat());
        var choice = Connector.Activities.Last(a => a.ConversationId == chat.ConversationId && a.Card is not null);

        (await chat.PressOnAsync(choice, "2.")).ShouldSay("Teresa Bravo");

        Assert.DoesNotContain("Bravo Hermanos", GroupText, StringComparison.Ordinal);
    }

    private string PersonalChat() =>
        Connector.Activities.Select(a => a.ConversationId).First(id => id.StartsWith("a:personal-", StringComparison.Ordinal));

    private string PersonalText(string conversation) =>
        string.Join("\n", Connector.Activities.Where(a => a.ConversationId == conversation).Select(a => a.Json.ToJsonString()));

    private string GroupText => string.Join("\n", Connector.Activities.Where(a => a.ConversationId == _group).Select(a => a.Json.ToJsonString()));
}
