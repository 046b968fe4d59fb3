using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// The manifest's shortcuts through the host, with the payloads Slack sends: "Log an interaction" (global) and "Log
/// this message" (message) open the log modal with the shortcut's trigger id before answering; the message shortcut
/// fills in the message, kind chat, channel Slack and a customer author; submitting logs one interaction; anything
/// else is answered in a small modal with a 200.
/// </summary>
public sealed class SlackShortcutTests : SlackTestBase
{
    /// <summary>A customer writing from their own workspace in a Slack Connect channel.</summary>
    private static readonly SlackUser Customer = new("T0CUST1", "U0MARIA9", "maria");

    private static readonly SlackUser Stranger = new("T0ACME", "U0NOBODY", "nobody");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        maria.AddIdentity(IdentityKind.SlackUser, Customer.Key);
        await db.SaveChangesAsync();
    }

    private static Task<HttpResponseMessage> GlobalShortcutAsync(SlackClient client, string callbackId = "log_interaction", string triggerId = "111.222.global") =>
        client.InteractionAsync(new JsonObject
        {
            ["type"] = "shortcut",
            ["token"] = "legacy-verification-token",
            ["action_ts"] = "1700000000.000200",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["username"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
            ["callback_id"] = callbackId,
            ["trigger_id"] = triggerId,
        });

    private Task<HttpResponseMessage> MessageShortcutAsync(SlackClient client, string text, SlackUser author, string callbackId = "log_message") =>
        client.InteractionAsync(new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = "legacy-verification-token",
            ["action_ts"] = "1700000000.000300",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["name"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0SHARED", ["name"] = "acme-iberica" },
            ["is_enterprise_install"] = false,
            ["callback_id"] = callbackId,
            ["trigger_id"] = "333.444.message",
            ["response_url"] = Slack.NewResponseUrl().AbsoluteUri,
            ["message_ts"] = "1699999999.000100",
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["user"] = author.UserId,
                ["team"] = author.TeamId,
                ["ts"] = "1699999999.000100",
                ["text"] = text,
            },
        });

    private static JsonObject Block(SlackCall open, string id) => open.Blocks.OfType<JsonObject>().Single(b => (string?)b["block_id"] == id);

    private static string? Initial(SlackCall open, string id) =>
        (string?)Block(open, id)["element"]?["initial_value"] ?? (string?)Block(open, id)["element"]?["initial_option"]?["value"];

    private Task<int> InboxAsync() => App.WithDatabaseAsync(db => db.InboxItems.CountAsync());

    [Fact]
    public async Task GlobalShortcut_KnownUser_OpensTheEmptyLogModalWithItsTriggerIdBeforeAnswering()
    {
        var response = await GlobalShortcutAsync(Client());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.Equal("111.222.global", (string?)open.Body["trigger_id"]);
        Assert.Equal("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Null(Initial(open, "customer"));
        Assert.Null(Initial(open, "summary"));
        Assert.Equal("call", Initial(open, "kind"));
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task MessageShortcut_AuthorIsACustomerHandle_PrefillsTheTextAsSummaryKindChatChannelSlackAndTheCustomer()
    {
        var response = await MessageShortcutAsync(Client(), "<@U0LUCIA> can you send me the renewal quote &amp; the invoice?", Customer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.Equal("333.444.message", (string?)open.Body["trigger_id"]);
        Assert.Equal("can you send me the renewal quote & the invoice?", Initial(open, "summary"));
        Assert.Equal("chat", Initial(open, "kind"));
        Assert.Equal("Slack", Initial(open, "channel"));
        Assert.Equal(Customer.Key, Initial(open, "customer"));
        Assert.Null(Block(open, "summary")["hint"]);
        Assert.DoesNotContain("María", open.Text, StringComparison.Ordinal); // the name is shown only after need-to-know, on submission
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task MessageShortcut_AuthorIsNotACustomer_LeavesTheCustomerForThePersonToPick()
    {
        await MessageShortcutAsync(Client(), "Reminder: pipeline review at 10", Pilar);

        var open = Assert.Single(Slack.Calls);
        Assert.Null(Initial(open, "customer"));
        Assert.Equal("Reminder: pipeline review at 10", Initial(open, "summary"));
    }

    [Fact]
    public async Task MessageShortcut_MessageLongerThanTheInput_CutsItAndSaysSoUnderTheSummary()
    {
        await MessageShortcutAsync(Client(), new string('a', 4_000) + new string('b', 1_000), Customer);

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
        await MessageShortcutAsync(client, "Could you call me tomorrow about the renewal?", Customer);
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

        var response = await GlobalShortcutAsync(Client());

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

        await GlobalShortcutAsync(client);
        await MessageShortcutAsync(client, new string('x', 3_500), Customer);

        var opens = Slack.Calls;
        Assert.Equal(2, opens.Count);
        Assert.All(opens, open => Assert.Equal("Registrar interacción", (string?)open.Body["view"]?["title"]?["text"]));
        Assert.Contains("Tipo de contacto", opens[1].Text, StringComparison.Ordinal);
        var hint = (string?)Block(opens[1], "summary")["hint"]?["text"];
        Assert.Contains("3.500 caracteres", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", hint, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }

    [Theory]
    [InlineData("shortcut", "create_ticket")]
    [InlineData("message_action", "log_interaction")]
    public async Task Shortcut_UnknownCallbackId_AnswersInANoticeModalWithA200AndStoresNothing(string type, string callbackId)
    {
        var client = Client();
        var response = type == "shortcut" ? await GlobalShortcutAsync(client, callbackId) : await MessageShortcutAsync(client, "hello", Customer, callbackId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains($"no shortcut called `{callbackId}`", open.Text, StringComparison.Ordinal);
        Assert.Contains("Log this message", open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task Shortcut_UnknownCallbackIdSpanishUser_AnswersInSpanish()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar, locale: "es-ES"));

        await GlobalShortcutAsync(Client(Pilar), "crear_ticket");

        var open = Assert.Single(Slack.Calls);
        Assert.Contains("no tiene ningún atajo llamado `crear_ticket`", open.Text, StringComparison.Ordinal);
        Assert.Equal("Cerrar", (string?)open.Body["view"]?["close"]?["text"]);
    }

    [Fact]
    public async Task GlobalShortcut_PersonNotInChatCrm_GetsThePoliteNoAccessAnswerInBothLanguages()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });

        var response = await GlobalShortcutAsync(Client(Stranger, app));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains("don't have access to ChatCrm yet", open.Text, StringComparison.Ordinal);
        Assert.Contains("Todavía no tienes acceso", open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }

    [Theory]
    [InlineData("en-US", "Only reps, support agents and managers log")]
    [InlineData("es-ES", "Solo los comerciales, los agentes de soporte y los responsables registran")]
    public async Task MessageShortcut_AdminWhoMayNotLog_IsToldSoInsteadOfGettingTheForm(string locale, string expected)
    {
        var admin = new SlackUser("T0ACME", "U0ADMIN1", "admin");
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, admin, ChatCrm.Domain.Users.UserRole.Admin, locale: locale));

        var response = await MessageShortcutAsync(Client(admin), "Please call me back", Customer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains(expected, open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }

    [Fact]
    public async Task GlobalShortcut_Unsigned_IsRefusedAndOpensNothing()
    {
        var body = SlackClient.Form(new Dictionary<string, string>
        {
            ["payload"] = new JsonObject { ["type"] = "shortcut", ["callback_id"] = "log_interaction", ["trigger_id"] = "1.2.3",
                ["team"] = new JsonObject { ["id"] = Lucia.TeamId }, ["user"] = new JsonObject { ["id"] = Lucia.UserId } }.ToJsonString(),
        });

        var response = await Client().PostRawAsync("/slack/interactions", body, "application/x-www-form-urlencoded",
            SlackClient.Timestamp(DateTimeOffset.UtcNow), signatureFor: body, secret: "not-the-signing-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Slack.Calls);
    }
}
