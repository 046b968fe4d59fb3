using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// The message extension: searching customers from the compose box and unfurling pasted customer links, under the
/// same need-to-know rules and audit as "find", answered in the invoke's HTTP response.
/// </summary>
public sealed class MessageExtensionTests : BotTestBase
{
    private static readonly TeamsUser Luis = new("29:luis-chat-id", "5d1c9e0a-1b2c-4d3e-8f40-a1b2c3d4e5f6", "Luis Pérez");
    private Customer _maria = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Luis, UserRole.SalesRep, "Nordics");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        await db.AddCustomerAsync("Marina Núñez", "Acme Ibérica", owner: ana);
        db.Interactions.Add(Interaction.Log(_maria.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Visited the Madrid office", null, null));
        await db.SaveChangesAsync();
    }

    private async Task<JsonObject> InvokeAsync(TeamsUser user, string name, JsonObject value, ChatCrmApp? app = null,
        string locale = TeamsActivities.DefaultLocale)
    {
        using var http = (app ?? App).CreateClient();
        var invoke = TeamsActivities.Invoke(Connector.ServiceUrl, "19:group-chat", user, name, value, locale);
        using var response = await http.PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!.AsObject();
    }

    private static JsonObject Query(string text) => new()
    {
        ["commandId"] = "searchCustomers",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    private static List<JsonObject> Cards(JsonObject result)
    {
        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("list", (string?)result["attachmentLayout"]);
        return result["attachments"]!.AsArray().Select(a => a!.AsObject()).Select(a =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)a["contentType"]);
            Assert.False(string.IsNullOrEmpty((string?)a["preview"]!["content"]!["title"]));
            var card = a["content"]!.AsObject();
            Assert.Empty(AdaptiveCardSchema.Problems(card));
            return card;
        }).ToList();
    }

    [Fact]
    public async Task Query_SpanishClient_CardsAndMessagesInSpanish()
    {
        var cards = Cards(await InvokeAsync(CrmData.Ana, "composeExtension/query", Query("maria.nunez@acme.es"), locale: "es-ES"));
        var empty = await InvokeAsync(CrmData.Ana, "composeExtension/query", Query("  "), locale: "es-ES");

        Assert.Contains("Cada persona de esta conversación", cards.Single().ToJsonString(ChatCrm.Bot.Channels.Teams.Protocol.BotFrameworkJson.Options), StringComparison.Ordinal);
        Assert.Equal("message", (string?)empty["type"]);
        Assert.Contains("Escribe parte del nombre", (string?)empty["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_SeveralMatches_ListsAnIdentityCardForEachAndAuditsThemAsIdentityViews()
    {
        var cards = Cards(await InvokeAsync(CrmData.Ana, "composeExtension/query", Query("nunez")));

        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.DoesNotContain("maria.nunez@acme.es", c.ToJsonString(), StringComparison.Ordinal));
        Assert.Contains(cards, c => (string?)c["refresh"]!["action"]!["data"]!["customerId"] == _maria.Id.Value.ToString());
        Assert.All(cards, c => Assert.Null(c["refresh"]!["userIds"]));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer && a.Fields == CustomerField.Identity)));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DialogStates.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.ConversationReferences.CountAsync()));
        Assert.Empty(Connector.Activities);
    }

    [Fact]
    public async Task Query_OwnersSearch_InsertsOnlyTheIdentityAndEachReaderRefreshesIntoTheirOwnAuditedView()
    {
        // What a person reads of the card: its plain-text rendering (JSON text escapes the accents).
        var inserted = Assert.Single(Cards(await InvokeAsync(CrmData.Ana, "composeExtension/query", Query("maria.nunez@acme.es"))));
        var text = (string)inserted["fallbackText"]!;
        Assert.Contains("María Núñez", text, StringComparison.Ordinal);
        Assert.Contains("Acme Ibérica", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Visited the Madrid office", inserted.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Last conversation", text, StringComparison.Ordinal);

        var luisView = await App.Chat(Connector, Luis, "19:group-chat", conversationType: "groupChat").RefreshAsync(inserted);

        luisView.ShouldSay("María Núñez", "not shown to you");
        Assert.DoesNotContain("Visited the Madrid office", luisView.Text, StringComparison.Ordinal);
        var luis = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.TeamsAadObjectId == Luis.AadObjectId));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer && a.Actor == luis.Id)));
    }

    [Fact]
    public async Task Query_NothingTyped_AnswersWithATip()
    {
        var result = await InvokeAsync(CrmData.Ana, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchCustomers",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }),
        });

        Assert.Equal("message", (string?)result["type"]);
        Assert.Contains("customer's name", (string?)result["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownUser_IsToldHowToGetAccessAndSeesNoCustomer()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });
        var stranger = new TeamsUser("29:stranger", Guid.NewGuid().ToString(), "Stranger");

        var result = await InvokeAsync(stranger, "composeExtension/query", Query("nunez"), app);

        Assert.Equal("message", (string?)result["type"]);
        Assert.Contains("don't have access", (string?)result["text"], StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task QueryLink_ChatCrmCustomerLink_UnfurlsIntoTheIdentityCardThatRefreshesForTheReader()
    {
        var url = $"http://127.0.0.1:3978/customers/{_maria.Id.Value}";

        var card = Assert.Single(Cards(await InvokeAsync(CrmData.Ana, "composeExtension/queryLink", new JsonObject { ["url"] = url })));

        Assert.DoesNotContain("maria.nunez@acme.es", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(_maria.Id.Value.ToString(), (string?)card["refresh"]!["action"]!["data"]!["customerId"]);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer)));

        (await App.Chat(Connector, CrmData.Ana, "19:group-chat", conversationType: "groupChat").RefreshAsync(card))
            .ShouldSay("maria.nunez@acme.es", "Visited the Madrid office");
    }

    [Theory]
    [InlineData("https://evil.example/customers/{0}")]
    [InlineData("http://127.0.0.1:3978/export/{0}")]
    [InlineData("http://127.0.0.1:3978/customers/not-a-guid")]
    public async Task QueryLink_OtherLinks_UnfurlIntoNothing(string pattern)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _maria.Id.Value);

        var result = await InvokeAsync(CrmData.Ana, "composeExtension/queryLink", new JsonObject { ["url"] = url });

        Assert.Empty(Cards(result));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }
}
