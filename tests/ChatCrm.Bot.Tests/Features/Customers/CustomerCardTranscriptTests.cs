using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Customers;

/// <summary>
/// The customer card (consents at a glance, last conversation, open follow-up, its buttons), "history" with paging,
/// and the card's per-reader refresh in group chats, where each member's client gets the view their role allows.
/// In English and Spanish.
/// </summary>
public sealed class CustomerCardTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser Stranger = new("29:stranger", "f0000000-0000-4000-8000-000000000009", "Not Enrolled");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America", locale: "en-US");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        await db.AddCustomerAsync("Pedro Quiet", "Silent S.A.", email: "pedro@silent.es", owner: ana);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        for (var day = 7; day >= 1; day--)
        {
            // Seven contacts, one a day; the latest (three days ago) promised a follow-up for two days ago: overdue.
            var followUp = day == 1 ? CrmData.Today.AddDays(-2) : (DateOnly?)null;
            db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-(day + 2)), CrmData.Now,
                day % 2 == 0 ? InteractionChannel.Phone : InteractionChannel.Slack, day % 2 == 0 ? InteractionKind.Call : InteractionKind.Chat,
                $"Contact number {8 - day}", null, followUp, TimeZoneInfo.Utc));
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Find_Owner_SeesConsentsLastConversationAndOverdueFollowUpWithTheButtons()
    {
        var turn = (await App.Chat(Connector, CrmData.Ana).SendAsync("find maria.nunez@acme.es"))
            .ShouldSay("Consents", "Marketing: ✅ E-mail", "Last conversation", "Contact number 7", "Ana García", "overdue since", "Interactions: 7");

        var card = turn.Messages.Single();
        Assert.Equal(["Log interaction", "Offers", "History", "Privacy preferences"], card.Buttons.Select(b => (string?)b["title"]));
        Assert.Null(card.Card!["refresh"]); // a personal chat: the one reader already has their view
        Assert.Empty(Connector.MemberRequests);
    }

    [Fact]
    public async Task Find_SpanishClient_CardInSpanish()
    {
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("buscar maria.nunez@acme.es"))
            .ShouldSay("Consentimientos", "Comunicaciones comerciales: ✅ Correo electrónico", "Última conversación", "vencido desde", "Registrar interacción", "Historial");
    }

    [Fact]
    public async Task History_SevenInteractions_NewestFirstInPagesOfFiveThenOlder_AuditedAsViews()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        var first = (await chat.SendAsync("history maria.nunez@acme.es")).ShouldSay("History of María Núñez", "1–5 of 7");
        Assert.True(first.Text.IndexOf("Contact number 7", StringComparison.Ordinal) < first.Text.IndexOf("Contact number 3", StringComparison.Ordinal));
        Assert.DoesNotContain("Contact number 2", first.Text, StringComparison.Ordinal);

        var older = (await chat.ExecuteAsync("Older")).ShouldSay("6–7 of 7", "Contact number 2", "Contact number 1");

        Assert.DoesNotContain(chat.LastCard!.Buttons, b => (string?)b["title"] == "Older");
        Assert.DoesNotContain("Contact number 7", older.Text, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer)));
    }

    [Fact]
    public async Task History_SpanishClientAndAnotherTeamsRep_HistorialInSpanishAndRefusalForEmily()
    {
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("historial maria.nunez@acme.es")).ShouldSay("Historial de María Núñez", "1–5 de 7", "Anteriores");

        var refused = await App.Chat(Connector, Emily).SendAsync("history maria.nunez@acme.es");

        Assert.Contains("can't show you the conversation history", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact number", refused.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied)));
    }

    [Fact]
    public async Task History_NoInteractions_SaysSo()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("history pedro@silent.es")).ShouldSay("No interaction has been logged with this customer yet");
    }

    [Fact]
    public async Task Refresh_CardInAGroupChat_ListsTheMembersAndEachGetsTheirOwnViewAudited()
    {
        var group = $"19:{Guid.NewGuid():N}@thread.v2";
        Connector.Members[group] = [CrmData.Ana, Emily, Stranger];
        var ana = App.Chat(Connector, CrmData.Ana, group, conversationType: "groupChat");

        var shared = (await ana.SendAsync("<at>ChatCrm</at> find maria.nunez@acme.es")).Messages.Single().Card!;

        Assert.Equal([CrmData.Ana.ChatId, Emily.ChatId, Stranger.ChatId], shared["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("refreshCustomer", (string?)shared["refresh"]!["action"]!["verb"]);
        Assert.Equal([group], Connector.MemberRequests);

        var emilyView = await App.Chat(Connector, Emily, group, conversationType: "groupChat").RefreshAsync(shared);
        emilyView.ShouldSay("María Núñez", "Some of this record is not shown to you");
        Assert.DoesNotContain("Contact number", emilyView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Consents", emilyView.Text, StringComparison.Ordinal);
        Assert.NotNull(emilyView.Messages.Single().Card!["refresh"]); // the refreshed card still refreshes for the others

        var anaView = await ana.RefreshAsync(shared);
        anaView.ShouldSay("Contact number 7", "overdue since");
        var emilyUser = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Emily Carter"));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer && a.Actor == emilyUser.Id)));
    }

    [Fact]
    public async Task Refresh_UnknownUserAndSpanishReader_GetANoAccessCardAndASpanishCard()
    {
        var group = $"19:{Guid.NewGuid():N}@thread.v2";
        var ana = App.Chat(Connector, CrmData.Ana, group, conversationType: "groupChat");
        var shared = (await ana.SendAsync("find maria.nunez@acme.es")).Messages.Single().Card!;
        // No roster known for the conversation: the group's identity card refreshes for the asker first, then for anyone.
        Assert.Equal([CrmData.Ana.ChatId], shared["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
        var withRefresh = ChatCrm.Bot.Channels.Teams.AdaptiveCardRenderer.Render(
            new ChatCrm.Bot.Cards.Card("x", [], []) { Refresh = ChatCrm.Bot.Cards.CardButton.For("Refresh", "refreshCustomer", ("customerId", (string)shared["refresh"]!["action"]!["data"]!["customerId"]!)) },
            [Stranger.ChatId]);
        await using var strict = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });
        var before = await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync());

        var strangerView = await strict.Chat(Connector, Stranger, group, conversationType: "groupChat").RefreshAsync(withRefresh);
        var spanish = await App.Chat(Connector, CrmData.Ana, group, "es-ES", "groupChat").RefreshAsync(withRefresh);

        strangerView.ShouldSay("You don't have access to ChatCrm yet");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)strangerView.Messages.Single().Json["attachments"]![0]!["contentType"]);
        Assert.DoesNotContain("Núñez", strangerView.Text, StringComparison.Ordinal);
        spanish.ShouldSay("Última conversación", "Contact number 7");
        Assert.Equal(before + 1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }
}
