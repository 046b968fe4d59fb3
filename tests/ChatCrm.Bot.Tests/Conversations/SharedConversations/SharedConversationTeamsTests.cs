using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChatCrm.Bot.Tests.Conversations.SharedConversations.SharedConversationSecrets;

namespace ChatCrm.Bot.Tests.Conversations.SharedConversations;

/// <summary>
/// Teams group chats and channels get only what every member may see (ADR 0009): a customer's name and company. The
/// rest reaches the asker alone — the profile as a card each reader's client refreshes into their own view (the
/// asker's first), everything else in their personal chat with a line in the group saying so — and export and erase
/// run only in a personal chat. Asserted on what the fake Bot Connector receives for each conversation.
/// </summary>
public sealed class SharedConversationTeamsTests : BotTestBase
{
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser Officer = new("29:officer", "0f000000-0000-4000-8000-00000000000f", "Olga Officer");
    private readonly string _group = $"19:{Guid.NewGuid():N}@thread.v2";
    private string _caseNumber = string.Empty;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America");
        await db.AddUserAsync(Officer, UserRole.PrivacyOfficer, "Data Protection");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: Email, phone: Phone, owner: ana);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        await db.AddOrderAsync(maria, "CRM-PRO", 12_000m);
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            Note, null, null));
        var supportCase = SupportCase.Open(maria.Id, CaseTitle, null, CasePriority.Normal, null, ana.Id, "Iberia", CrmData.Now.AddHours(-2), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        _caseNumber = supportCase.Number;
    }

    private TeamsChat Group(TeamsUser user, string type = "groupChat", string locale = TeamsActivities.DefaultLocale) =>
        App.Chat(Connector, user, _group, locale, type);

    /// <summary>Everything the bot posted in the group, as the members' clients receive it.</summary>
    private string GroupVisible => string.Join("\n", Connector.Activities.Where(a => a.ConversationId == _group).Select(a => a.Json.ToJsonString()));

    /// <summary>What the bot posted in personal chats (created for the purpose by the fake connector).</summary>
    private string PersonalChatText => string.Join("\n", Connector.Activities.Where(a => a.ConversationId.StartsWith("a:personal-", StringComparison.Ordinal))
        .Select(a => a.Text));

    [Fact]
    public async Task Find_InAGroupChat_GroupGetsTheIdentityCardAndTheAskersClientRefreshesIntoTheirView()
    {
        Connector.Members[_group] = [Emily, CrmData.Ana];
        await RecalculateTiersAsync();
        var ana = Group(CrmData.Ana);

        var posted = (await ana.SendAsync("<at>ChatCrm</at> find maria.nunez@acme.es")).Messages.Single().Card!;

        AssertNone(GroupVisible);
        Assert.Contains("Acme Ib", posted.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([CrmData.Ana.ChatId, Emily.ChatId], posted["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
        (await ana.RefreshAsync(posted)).ShouldSay(Email, Note, "Consents");
        Assert.Empty(Connector.CreatedConversations);
    }

    [Theory]
    [InlineData("last maria.nunez@acme.es", Note)]
    [InlineData("history maria.nunez@acme.es", Note)]
    [InlineData("offers maria.nunez@acme.es", "María Núñez")]
    [InlineData("privacy maria.nunez@acme.es", "Marketing")]
    [InlineData("case {0}", CaseTitle)]
    public async Task Command_InAGroupChat_GroupGetsANoticeAndTheAnswerReachesTheAskersPersonalChat(string command, string privateFragment)
    {
        await RecalculateTiersAsync();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, command, _caseNumber);

        (await Group(CrmData.Ana).SendAsync("<at>ChatCrm</at> " + text)).ShouldSay("Ana García, I've sent you my answer in our personal chat");

        AssertNone(GroupVisible);
        Assert.Equal(CrmData.Ana.ChatId, (string?)Assert.Single(Connector.CreatedConversations)["members"]![0]!["id"]);
        Assert.Contains(privateFragment, PersonalChatText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_SpanishClientInAChannel_NoticeInSpanishAndNothingOfTheCustomerInTheChannel()
    {
        (await Group(CrmData.Ana, "channel", "es-ES").SendAsync("<at>ChatCrm</at> último maria.nunez@acme.es"))
            .ShouldSay("te he enviado la respuesta a nuestro chat personal");

        AssertNone(GroupVisible);
        Assert.Contains(Note, PersonalChatText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export maria.nunez@acme.es", "\"export\" works only in your personal chat")]
    [InlineData("erase maria.nunez@acme.es", "\"erase\" works only in your personal chat")]
    public async Task ExportOrErase_InAChannel_PoliteAnswerAndNothingExportedOrErased(string command, string answer)
    {
        (await Group(Officer, "channel").SendAsync("<at>ChatCrm</at> " + command)).ShouldSay(answer, "nothing was done here");

        AssertNone(GroupVisible);
        Assert.Empty(PersonalChatText);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.ExportLinks.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.NameKey == "maria nunez")));
    }

    [Fact]
    public async Task RefreshPressedAsSubmit_InAGroupChat_ThePressersViewGoesToTheirPersonalChatOnly()
    {
        var id = await App.WithDatabaseAsync(db => db.Customers.Select(c => c.Id.Value).SingleAsync());
        var press = TeamsActivities.Message(Connector.ServiceUrl, _group, CrmData.Ana, text: null,
            new JsonObject { ["verb"] = "refreshCustomer", ["customerId"] = id.ToString() }, conversationType: "groupChat");

        (await Group(CrmData.Ana).PostAsync(press)).ShouldSay("I've sent you my answer in our personal chat");

        AssertNone(GroupVisible);
        Assert.Contains(Email, PersonalChatText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_InAGroupChat_IsPostedForEveryone()
    {
        (await Group(CrmData.Ana).SendAsync("<at>ChatCrm</at> help")).ShouldSay("find");

        Assert.Empty(Connector.CreatedConversations);
    }

    private async Task RecalculateTiersAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, CancellationToken.None);
    }
}
