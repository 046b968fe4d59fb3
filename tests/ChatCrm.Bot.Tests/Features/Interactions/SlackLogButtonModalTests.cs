using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// The customer card's "Log interaction" button in Slack opens the log form as a modal for that customer (named, not
/// asked for), as the same button shows the card form in Teams; its submission logs for that customer.
/// </summary>
public sealed class SlackLogButtonModalTests : SlackTestBase
{
    private Guid _maria;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        _maria = (await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia)).Id.Value;
        await db.AddCustomerAsync("Mario Nuñez", "Beta Logística", email: "mario@beta.es", owner: lucia);
    }

    [Fact]
    public async Task LogButtonOnTheCustomerCard_OpensTheModalForThatCustomerAndItsSubmissionLogsForThem()
    {
        var client = Client();
        await client.CommandAsync("find maria.nunez@acme.es");
        var card = (await Slack.WaitForCallsAsync(1)).Single();
        var button = card.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(b => (string?)b["text"]?["text"] == "Log interaction");

        var press = await client.PressAsync(button, triggerId: "555.666.log");

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var open = Slack.Calls.Single(c => c.Method == "views.open");
        Assert.Equal("555.666.log", (string?)open.Body["trigger_id"]);
        Assert.Equal("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Equal(_maria.ToString(), (string?)open.Body["view"]?["private_metadata"]);
        Assert.DoesNotContain(open.Blocks.OfType<JsonObject>(), b => (string?)b["block_id"] == "customer");
        Assert.Contains("María Núñez", open.Text, StringComparison.Ordinal);

        var callsBefore = Slack.Calls.Count; // counted before the submission: its confirmation may start before the answer is read
        var submitted = await client.SubmitViewAsync("chatcrm-log",
            [("kind", SlackViewSubmission.Selected("Call")), ("summary", SlackViewSubmission.Typed("Called about the renewal"))], metadata: _maria.ToString());

        Assert.Equal((HttpStatusCode.OK, string.Empty), (submitted.StatusCode, await submitted.Content.ReadAsStringAsync()));
        await Slack.WaitForCallsAsync(callsBefore + 2); // the confirmation: conversations.open, then the DM
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal((_maria, "Called about the renewal"), (stored.CustomerId.Value, stored.Summary));
        Assert.Equal([], Slack.Violations);
    }
}
