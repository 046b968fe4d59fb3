using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// /api/messages at the wire: bad input gets the right HTTP status, and nothing stored changes.
/// </summary>
public sealed class MessagingEndpointProtocolTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    public async Task Post_MalformedJson_Is400AndNothingChanges(string body)
    {
        var before = await SnapshotAsync();

        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(Connector.Activities);
    }

    [Fact]
    public async Task Post_ActivityWithoutType_Is400()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:1", CrmData.Ana, "help");
        activity.Remove("type");

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    [InlineData("serviceUrl")]
    public async Task Post_MessageMissingARequiredField_Is400AndNothingChanges(string field)
    {
        var before = await SnapshotAsync();
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:1", CrmData.Ana, "log María");
        activity.Remove(field);

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    [InlineData("typing")]
    public async Task Post_UnknownOrIgnoredActivityType_Is200AndDoesNothing(string type)
    {
        var before = await SnapshotAsync();
        var activity = TeamsActivities.Base(type, Connector.ServiceUrl, "a:1", CrmData.Ana);

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(Connector.Activities);
    }

    [Fact]
    public async Task Post_InvokeNotYetImplemented_Is501()
    {
        var activity = TeamsActivities.Base("invoke", Connector.ServiceUrl, "a:1", CrmData.Ana);
        activity["name"] = "composeExtension/fetchTask";

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_Is413AndNothingChanges()
    {
        var before = await SnapshotAsync();
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:1", CrmData.Ana, new string('x', 300 * 1024));

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Post_ServiceUrlOutsideTheAllowList_Is400AndNoReplyIsSent()
    {
        var activity = TeamsActivities.Message(new Uri("https://attacker.example/"), "a:1", CrmData.Ana, "help");

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Activities);
    }

    [Fact]
    public async Task Post_BotAddedToAConversation_SendsTheWelcomeCard()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var turn = await chat.PostAsync(TeamsActivities.BotInstalled(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana));

        turn.ShouldSay("Hi! I'm ChatCrm", "log [customer]");
        Assert.Empty(Connector.Violations);
    }

    [Fact]
    public async Task Post_ChannelMessageWithMention_TheMentionIsStrippedBeforeReadingTheCommand()
    {
        var chat = App.Chat(Connector, CrmData.Ana, "19:channel@thread.skype;messageid=1");
        var activity = TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "<at>ChatCrm</at> last&nbsp;maria.nunez@acme.es");

        (await chat.PostAsync(activity)).ShouldSay("Last conversation with María Núñez");
    }

    [Fact]
    public async Task Post_ConnectorRefusesTheReply_StillAnswers200AndKeepsWhatWasStored()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        Connector.AnswerStatus = 403;

        var turn = await chat.SendAsync("last maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(412)]
    public async Task Reply_ConnectorAsksToRetry_TheReplyIsSentAgainAndArrives(int transientStatus)
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        Connector.NextStatuses.Enqueue(transientStatus);

        var turn = await chat.SendAsync("last maria.nunez@acme.es");

        var attempts = turn.Messages.Where(m => m.Text.Contains("Last conversation with María Núñez", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(HttpStatusCode.OK, turn.Status);
    }

    [Fact]
    public async Task Reply_ConnectorFailsWith500_IsNotRetried()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        Connector.NextStatuses.Enqueue(500);

        var turn = await chat.SendAsync("last maria.nunez@acme.es");

        Assert.Single(turn.Messages);
        Assert.Equal(HttpStatusCode.OK, turn.Status);
    }

    [Fact]
    public async Task Post_ConnectorUnreachable_StillAnswers200AndKeepsWhatWasStored()
    {
        var nowhere = new Uri("http://127.0.0.1:9/");
        var activity = TeamsActivities.Message(nowhere, "a:1", CrmData.Ana, "last maria.nunez@acme.es");

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Turn_DatabaseFailsMidTurn_UserGetsAnApologyAndNothingIsHalfSaved()
    {
        await App.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE Interactions RENAME TO InteractionsGone"));
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("something went wrong on my side");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Turn_UnreadableDialogState_IsDroppedAndTheMessageReadAfresh()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await App.WithDatabaseAsync(async db =>
        {
            db.DialogStates.Add(new DialogStateRecord($"teams:{chat.ConversationId}", $"teams:{CrmData.Ana.ChatId}", "{not json", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("was dropped", "Last conversation with María Núñez");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DialogStates.CountAsync()));
    }

    private Task<HttpResponseMessage> PostRawAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return App.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    private Task<(int Users, int Customers, int Interactions, int Dialogs, int Audit)> SnapshotAsync() =>
        App.WithDatabaseAsync(async db => (
            await db.Users.CountAsync(),
            await db.Customers.CountAsync(),
            await db.Interactions.CountAsync(),
            await db.DialogStates.CountAsync(),
            await db.AuditEntries.CountAsync()));
}
