using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// Card buttons pressed on a Universal Actions client: <c>adaptiveCard/action</c> invokes answered in the HTTP response
/// with the card that replaces the pressed one, through the same conversation as typed commands.
/// </summary>
public sealed class UniversalActionTranscriptTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
    }

    [Fact]
    public async Task Execute_LogDialogThroughToSave_ReplacesEachCardAndStoresOnce()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.SendAsync("log maria.nunez@acme.es")).ShouldSay("What kind of contact");

        var postedBefore = Connector.Activities.Count;
        (await chat.ExecuteAsync("Meeting")).ShouldSay("What was it about?");
        (await chat.ExecuteAsync("Next", ("summary", "Quarterly review"))).ShouldSay("How did it end?");
        (await chat.ExecuteAsync("Skip")).ShouldSay("follow-up");
        var followUpCard = chat.LastCard!;
        (await chat.ExecuteAsync("Save", ("followUp", "2099-01-15"))).ShouldSay("Interaction logged", "2099-01-15");

        // Every step answered in place: nothing was posted to the conversation.
        Assert.Equal(postedBefore, Connector.Activities.Count);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)chat.LastInvokeAnswer!["type"]);
        Assert.Equal(200, (int?)chat.LastInvokeAnswer["statusCode"]);
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(InteractionKind.Meeting, stored.Kind);
        Assert.Equal(new DateOnly(2099, 1, 15), stored.FollowUpOn);

        // A second press of the same Save (a slow client, a double tap) logs nothing more.
        (await chat.ExecuteOnAsync(followUpCard, "Save", ("followUp", "2099-01-15"))).ShouldSay("conversation that has ended");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Execute_RequiredInputMissing_AnswersWithAMessageAndKeepsTheStep()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log maria.nunez@acme.es");
        await chat.ExecuteAsync("Call");
        var summaryCard = chat.LastCard!;

        var turn = await chat.ExecuteAsync("Next", ("summary", "   "));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)chat.LastInvokeAnswer!["type"]);
        Assert.False(string.IsNullOrWhiteSpace(turn.Text));
        (await chat.ExecuteOnAsync(summaryCard, "Next", ("summary", "Pricing questions"))).ShouldSay("How did it end?");
    }

    [Fact]
    public async Task Execute_ProfileButton_RunsTheSameCommandAsTyping()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("find maria.nunez@acme.es");

        (await chat.ExecuteAsync("History")).ShouldSay("History of María Núñez");
        var typed = await chat.SendAsync("history maria.nunez@acme.es");

        Assert.Equal(typed.Messages.Single().Card!["body"]![0]!.ToJsonString(), chat.LastInvokeAnswer!["value"]!["body"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Execute_SubmitFallbackOfTheSameButton_StillWorksForOldClients()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log maria.nunez@acme.es");

        (await chat.PressAsync("Call")).ShouldSay("What was it about?");
    }

    [Fact]
    public async Task Execute_UnknownUser_IsToldHowToGetAccessAndNothingElse()
    {
        var stranger = new TeamsUser("29:stranger", Guid.NewGuid().ToString(), "Stranger");
        var ana = App.Chat(Connector, CrmData.Ana);
        await ana.SendAsync("find maria.nunez@acme.es");
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });
        var chat = app.Chat(Connector, stranger);

        var turn = await chat.ExecuteOnAsync(ana.LastCard!, "Offers");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)chat.LastInvokeAnswer!["type"]);
        Assert.Contains("You don't have access to ChatCrm yet", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Núñez", turn.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == Domain.Auditing.AuditAction.ViewedOffers)));
    }

    [Fact]
    public async Task Execute_InvokeWithoutAnAction_AnswersWithAnErrorBody()
    {
        using var http = App.CreateClient();
        var invoke = TeamsActivities.Invoke(Connector.ServiceUrl, "a:conv", CrmData.Ana, "adaptiveCard/action", new JsonObject { ["trigger"] = "manual" });

        using var response = await http.PostAsJsonAsync("/api/messages", invoke);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Empty(Connector.Activities);
    }
}
