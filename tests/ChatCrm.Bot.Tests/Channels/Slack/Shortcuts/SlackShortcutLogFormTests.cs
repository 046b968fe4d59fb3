using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

using static ChatCrm.Bot.Tests.Channels.Slack.Shortcuts.ShortcutPayloads;

namespace ChatCrm.Bot.Tests.Channels.Slack.Shortcuts;

/// <summary>
/// The manifest's shortcuts through the host, with the payloads Slack sends: "Log an interaction" (global) and "Log
/// this message" (message) open the log form's modal with the shortcut's trigger id before answering; the message
/// shortcut fills in the message, kind chat, channel Slack and a customer author; submitting logs one interaction.
/// </summary>
public sealed class SlackShortcutLogFormTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        maria.AddIdentity(IdentityKind.SlackUser, CustomerAuthor.Key);
        await db.SaveChangesAsync();
    }

    private Task<int> InboxAsync() => App.WithDatabaseAsync(db => db.InboxItems.CountAsync());

    [Fact]
    public async Task GlobalShortcut_KnownUser_OpensTheEmptyLogModalWithItsTriggerIdBeforeAnswering()
    {
        var response = await GlobalAsync(Client());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.Equal("111.222.global", (string?)open.Body["trigger_id"]);
        Assert.Equal("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Null(Initial(open, "customer"));
        Assert.Null(Initial(open, "summary"));
        Assert.Null(Initial(open, "kind")); // as on the Teams card: the kind is chosen, never assumed
        Assert.Equal("Log an interaction", (string?)open.Body["view"]?["title"]?["text"]);
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task MessageShortcut_AuthorIsACustomerHandle_PrefillsTheTextAsSummaryKindChatChannelSlackAndTheCustomer()
    {
        var response = await MessageAsync(Client(), Slack, "<@U0LUCIA> can you send me the renewal quote &amp; the invoice?", CustomerAuthor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.Equal("333.444.message", (string?)open.Body["trigger_id"]);
        Assert.Equal("can you send me the renewal quote & the invoice?", Initial(open, "summary"));
        Assert.Equal("Chat", Initial(open, "kind"));
        Assert.Equal("Slack", Initial(open, "channel"));
        Assert.Equal(CustomerAuthor.Key, Initial(open, "customer"));
        Assert.Null(Block(open, "summary")["hint"]);
        Assert.DoesNotContain("María", open.Text, StringComparison.Ordinal); // the name is shown only after need-to-know, on submission
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task MessageShortcut_AuthorIsNotACustomer_LeavesTheCustomerForThePersonToPick()
    {
        await MessageAsync(Client(), Slack, "Reminder: pipeline review at 10", Pilar);

        var open = Assert.Single(Slack.Calls);
        Assert.Null(Initial(open, "customer"));
        Assert.Equal("Reminder: pipeline review at 10", Initial(open, "summary"));
    }

    [Fact]
    public async Task MessageShortcut_MessageLongerThanTheInput_CutsItAndSaysSoUnderTheSummary()
    {
        await MessageAsync(Client(), Slack, new string('a', 4_000) + new string('b', 1_000), CustomerAuthor);

        var open = Assert.Single(Slack.Calls);
        var summary = Initial(open, "summary")!;
        Assert.Equal(3_000, summary.Length);
        Assert.All(summary, c => Assert.Equal('a', c));
        var hint = (string?)Block(open, "summary")["hint"]?["text"];
        Assert.Contains("5,000", hint, StringComparison.Ordinal);
        Assert.Contains("3,000", hint, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task MessageShortcutThenSubmit_PrefilledForm_LogsOneChatOnSlackForTheCustomer()
    {
        var client = Client();
        await MessageAsync(client, Slack, "Could you call me tomorrow about the renewal?", CustomerAuthor);
        var open = Assert.Single(Slack.Calls);
        var values = new JsonObject();
        foreach (var id in new[] { "customer", "kind", "channel", "summary" })
        {
            values[id] = new JsonObject
            {
                [id] = id is "kind" or "channel"
                    ? new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = Initial(open, id) } }
                    : new JsonObject { ["type"] = "plain_text_input", ["value"] = Initial(open, id) },
            };
        }

        var submitted = await client.InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = Lucia.TeamId },
            ["user"] = new JsonObject { ["id"] = Lucia.UserId, ["name"] = Lucia.Name, ["team_id"] = Lucia.TeamId },
            ["view"] = new JsonObject { ["id"] = "V0SHORT1", ["type"] = "modal", ["callback_id"] = "chatcrm-log", ["state"] = new JsonObject { ["values"] = values } },
        });

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(string.Empty, await submitted.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(3);
        Assert.Equal("chat.postMessage", calls[2].Method);
        Assert.Contains("María Núñez", calls[2].Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(InteractionKind.Chat, stored.Kind);
        Assert.Equal(InteractionChannel.Slack, stored.Channel);
        Assert.Equal("Could you call me tomorrow about the renewal?", stored.Summary);
        Assert.Equal(await App.WithDatabaseAsync(db => db.Customers.Select(c => c.Id).SingleAsync()), stored.CustomerId);
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task GlobalShortcut_SlackRefusesTheModal_StartsTheLogDialogInTheDirectMessage()
    {
        Slack.NextStatuses.Enqueue(400); // views.open refused (an expired trigger id, say)

        var response = await GlobalAsync(Client());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await Slack.WaitForCallsAsync(3);
        Assert.Equal(["views.open", "conversations.open", "chat.postMessage"], calls.Select(c => c.Method));
        Assert.Equal("DU0LUCIA", (string?)calls[2].Body["channel"]);
        Assert.Contains("customer", calls[2].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task Shortcuts_SpanishSpeakingUser_ModalAndNoteInSpanish()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar, locale: "es-ES"));
        var client = Client(Pilar);

        await GlobalAsync(client);
        await MessageAsync(client, Slack, new string('x', 3_500), CustomerAuthor);

        var opens = Slack.Calls;
        Assert.Equal(2, opens.Count);
        Assert.All(opens, open => Assert.Equal("Registrar interacción", (string?)open.Body["view"]?["title"]?["text"]));
        Assert.Contains("Tipo de contacto", opens[1].Text, StringComparison.Ordinal);
        var hint = (string?)Block(opens[1], "summary")["hint"]?["text"];
        Assert.Contains("3.500 caracteres", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", hint, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }
}
