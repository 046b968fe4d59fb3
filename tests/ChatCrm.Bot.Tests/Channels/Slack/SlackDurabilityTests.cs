using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>The acknowledgement comes before the work, the work is durable across a restart, and malformed requests lose nothing.</summary>
public sealed class SlackDurabilityTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, locale: "es-ES");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
    }

    [Fact]
    public async Task Command_WorkerHeld_AckComesBackAndARestartedHostFinishesTheWork()
    {
        // This host acknowledges but does not work: the ack cannot have waited for the work.
        await using (var held = StartApp(new Dictionary<string, string?> { ["Work:RunWorker"] = "false" }))
        {
            var response = await Client(app: held).CommandAsync("find maria.nunez@acme.es");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Stored before the ack. (Whether it is still pending here is a race with the other host's worker, which
            // polls the same database: SlackAckFirstTests holds the work to prove the ack does not wait for it.)
            Assert.Equal(1, await held.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
        }

        // A host with the worker on (a restart, or another instance) finishes what was accepted.
        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("María Núñez", reply.Text, StringComparison.Ordinal);
        var done = await App.WithDatabaseAsync(db => db.InboxItems.SingleAsync());
        Assert.Equal(InboxStatus.Done, done.Status);
        Assert.Null(done.Payload);
    }

    [Theory]
    [InlineData("/slack/events", "application/json", "not json at all")]
    [InlineData("/slack/events", "application/json", "{\"type\":\"event_callback\",\"team_id\":\"T0ACME\"}")]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded", "team_id=T0ACME&user_id=U0LUCIA&text=help")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "nothing=here")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7Bbroken")]
    public async Task Malformed_SignedRequest_Is400AndNothingIsStored(string path, string contentType, string body)
    {
        var response = await Client().PostAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task Oversized_Request_Is413()
    {
        var body = SlackClient.Form(new Dictionary<string, string> { ["payload"] = new string('x', 300 * 1024) });

        var response = await Client().PostAsync("/slack/interactions", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ForeignResponseUrl_IsRefused()
    {
        var body = SlackClient.Form(new Dictionary<string, string>
        {
            ["team_id"] = Lucia.TeamId, ["user_id"] = Lucia.UserId, ["channel_id"] = "C1", ["command"] = "/crm", ["text"] = "help",
            ["response_url"] = "https://attacker.example/collect", ["trigger_id"] = "9.9.9",
        });

        var response = await Client().PostAsync("/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AppHomeOpened_PublishesTheHomeTab()
    {
        await Client().EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = Lucia.UserId, ["channel"] = "D0X", ["tab"] = "home" });

        var publish = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal("views.publish", publish.Method);
        Assert.Equal(Lucia.UserId, (string?)publish.Body["user_id"]);
        Assert.Equal("home", (string?)publish.Body["view"]?["type"]);
        Assert.Contains("Seguimientos vencidos o para hoy", publish.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }
}
