using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>"/crm …", mentions and direct messages: acknowledged at once, answered through response_url or the Web API, in Block Kit.</summary>
public sealed class SlackCommandTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        await db.AddCustomerAsync("Marina Núñez", "Acme Ibérica", owner: lucia);
        db.Interactions.Add(Interaction.Log(maria.Id, lucia.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Visited the Madrid office", "Wants a quote for 20 seats", null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Find_ByEmail_AcksEmptyAndAnswersThroughResponseUrlWithAProfileCard()
    {
        var response = await Client().CommandAsync("find maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal("response_url", reply.Method);
        Assert.Equal("ephemeral", (string?)reply.Body["response_type"]);
        Assert.Contains("María Núñez", reply.Text, StringComparison.Ordinal);
        Assert.Equal("header", (string?)reply.Blocks[0]?["type"]);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Last_InSpanish_ShowsTheLastConversation()
    {
        await Client().CommandAsync("último maria.nunez@acme.es");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Visited the Madrid office", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("ayuda")]
    public async Task Help_OrNoText_ShowsTheCommands(string text)
    {
        await Client().CommandAsync(text);

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("find", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Help_SpanishSpeakingUser_ShowsTheCommandsInSpanish()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar, locale: "es-ES"));

        await Client(Pilar).CommandAsync("help");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("buscar &lt;cliente&gt;", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("look a customer up", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task UnknownSubcommand_AnswersThatItWasNotUnderstood()
    {
        await Client().CommandAsync("frobnicate the pipeline");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("frobnicate", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Oversized_Text_IsAnsweredPolitelyNotDropped()
    {
        await Client().CommandAsync("find " + new string('x', 9000));

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("characters long", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameTriggerTwice_IsAnsweredOnce()
    {
        var client = Client();

        var first = await client.CommandAsync("find maria.nunez@acme.es", triggerId: "123.456.abc");
        var second = await client.CommandAsync("find maria.nunez@acme.es", triggerId: "123.456.abc");
        await Slack.WaitForCallsAsync(1);
        await client.CommandAsync("help");
        await Slack.WaitForCallsAsync(2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, Slack.Calls.Count);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task ChoiceCard_PressingAButton_RunsTheSameVerbAsTeams()
    {
        var client = Client();
        await client.CommandAsync("find Núñez");
        var choice = (await Slack.WaitForCallsAsync(1)).Single();
        var buttons = choice.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).ToList();
        var marina = buttons.First(b => ((string?)b["text"]?["text"])?.Contains("Marina", StringComparison.Ordinal) == true);

        var press = await client.PressAsync(marina);

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var profile = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("Marina Núñez", profile.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("María Núñez", profile.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task DirectMessage_IsAnsweredInTheDmWithChatPostMessage()
    {
        var response = await Client().DirectMessageAsync("find maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal("chat.postMessage", reply.Method);
        Assert.Equal("D0" + Lucia.UserId, (string?)reply.Body["channel"]);
        Assert.Contains("María Núñez", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task AppMention_WithoutTheMentionMarkup_RunsTheCommandAndAnswersTheAskerEphemerally()
    {
        await Client().EventAsync(new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = "C0SALES",
            ["user"] = Lucia.UserId,
            ["text"] = "<@U0CRMBOT> last maria.nunez@acme.es",
        });

        // A channel: the answer is the asker's alone (ADR 0009).
        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("chat.postEphemeral", "C0SALES", Lucia.UserId), (reply.Method, (string?)reply.Body["channel"], (string?)reply.Body["user"]));
        Assert.Contains("Visited the Madrid office", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventRetries_SameEventId_AreProcessedOnce()
    {
        var client = Client();

        await client.DirectMessageAsync("find maria.nunez@acme.es", eventId: "Ev0RETRY");
        var retry = await client.DirectMessageAsync("find maria.nunez@acme.es", eventId: "Ev0RETRY", retryNumber: 1);
        var another = await client.DirectMessageAsync("find maria.nunez@acme.es", eventId: "Ev0RETRY", retryNumber: 2);
        await client.DirectMessageAsync("help");
        await Slack.WaitForCallsAsync(2);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
        Assert.Equal(2, Slack.Calls.Count);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync(i => i.DedupKey == "event:Ev0RETRY")));
    }

    [Fact]
    public async Task BotsOwnMessage_IsIgnored()
    {
        var response = await Client().EventAsync(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0X", ["user"] = "U0CRMBOT", ["bot_id"] = "B0CRM", ["text"] = "help",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task UrlVerification_ReturnsTheChallenge()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

        var response = await Client().PostAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)answer?["challenge"]);
    }

    [Fact]
    public async Task WebApi429_IsRetriedAfterRetryAfterAndDelivered()
    {
        Slack.NextStatuses.Enqueue(429);

        await Client().DirectMessageAsync("help");

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.True(calls[0].Throttled);
        Assert.Equal("chat.postMessage", calls[1].Method);
        Assert.False(calls[1].Throttled);
        Assert.Equal(InboxStatus.Done, await App.WithDatabaseAsync(db => db.InboxItems.Select(i => i.Status).SingleAsync()));
    }
}
