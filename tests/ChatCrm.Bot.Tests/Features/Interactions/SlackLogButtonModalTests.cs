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

        var submitted = await client.InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["name"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["trigger_id"] = $"{Guid.NewGuid():N}",
            ["view"] = new JsonObject
            {
                ["id"] = "V0LOGBUTTON",
                ["type"] = "modal",
                ["callback_id"] = "chatcrm-log",
                ["private_metadata"] = _maria.ToString(),
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["kind"] = new JsonObject { ["kind"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "Call" } } },
                        ["summary"] = new JsonObject { ["summary"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Called about the renewal" } },
                    },
                },
            },
        });

        Assert.Equal((HttpStatusCode.OK, string.Empty), (submitted.StatusCode, await submitted.Content.ReadAsStringAsync()));
        await Slack.WaitForCallsAsync(Slack.Calls.Count + 2); // the confirmation: conversations.open, then the DM
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal((_maria, "Called about the renewal"), (stored.CustomerId.Value, stored.Summary));
        Assert.Equal([], Slack.Violations);
    }
}
