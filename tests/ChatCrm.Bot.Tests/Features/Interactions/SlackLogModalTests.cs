using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// "/crm log" as a modal: opened with the command's trigger id before the command is acknowledged, every field
/// checked when submitted (errors answered per block, nothing stored), a valid form logged once and confirmed in a DM.
/// </summary>
public sealed class SlackLogModalTests : SlackTestBase
{
    private static readonly SlackUser Stranger = new("T0ACME", "U0NOBODY", "nobody");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        await db.AddCustomerAsync("Mario Nuñez", "Beta Logística", email: "mario@beta.es", owner: lucia);
    }

    private static Dictionary<string, string> Form(string customer = "maria.nunez@acme.es", string kind = "call",
        string summary = "Renewal call", string? outcome = null, string? followUp = null)
    {
        var values = new Dictionary<string, string> { ["customer"] = customer, ["kind"] = kind, ["summary"] = summary };
        if (outcome is not null)
            values["outcome"] = outcome;
        if (followUp is not null)
            values["followUp"] = followUp;
        return values;
    }

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, IDictionary<string, string> values, string viewId = "V0LOG1") =>
        client.SubmitViewAsync("chatcrm-log", values.Select(v => (v.Key, v.Key == "kind"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))), viewId: viewId);

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }

    private Task<int> StoredAsync() => App.WithDatabaseAsync(db => db.Interactions.CountAsync());

    private Task<int> InboxAsync() => App.WithDatabaseAsync(db => db.InboxItems.CountAsync());

    [Fact]
    public async Task LogCommand_SlackAcceptsTheView_OpensTheModalWithTheTriggerIdAndTheCustomerFilledIn()
    {
        var response = await Client().CommandAsync("log maria.nunez@acme.es", triggerId: "123.456.abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.Equal("123.456.abc", (string?)open.Body["trigger_id"]);
        var customer = open.Blocks.OfType<JsonObject>().Single(b => (string?)b["block_id"] == "customer");
        Assert.Equal("maria.nunez@acme.es", (string?)customer["element"]?["initial_value"]);
        Assert.Equal(["customer", "kind", "channel", "date", "summary", "outcome", "followUp"], open.Blocks.Select(b => (string?)b?["block_id"]));
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync()); // nothing for the worker: the modal is the answer
    }

    [Fact]
    public async Task LogCommand_AdminWhoMayNotLog_OpensNoModalAndIsToldWhyInChat()
    {
        var admin = new SlackUser("T0ACME", "U0ADMIN1", "admin");
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, admin, ChatCrm.Domain.Users.UserRole.Admin));

        var response = await Client(admin).CommandAsync("log maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(await Slack.WaitForCallsAsync(1));
        Assert.NotEqual("views.open", answer.Method); // the form would only refuse on submission
        Assert.Contains("Only reps, support agents and managers log", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Submit_UnknownCustomerEmptySummaryUnreadableDate_AnswersAnErrorPerFieldAndStoresNothing()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(), Form(customer: "nobody@nowhere.example", summary: "  ", followUp: "someday")));

        Assert.Contains("No customer matches", (string?)errors["customer"], StringComparison.Ordinal);
        Assert.Contains("cannot be empty", (string?)errors["summary"], StringComparison.Ordinal);
        Assert.Contains("couldn't read that date", (string?)errors["followUp"], StringComparison.Ordinal);
        Assert.Null(errors["kind"]);
        Assert.Equal(0, await StoredAsync());
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task LogCommandAndSubmit_SpanishSpeakingUser_ModalAndErrorsInSpanish()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar, locale: "es-ES"));
        var client = Client(Pilar);

        await client.CommandAsync("registrar maria.nunez@acme.es");
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("Registrar interacción", (string?)open.Body["view"]?["title"]?["text"]);
        Assert.Contains("Tipo de contacto", open.Text, StringComparison.Ordinal);
        var errors = await ErrorsAsync(await SubmitAsync(client, Form(summary: "  ", followUp: "algún día")));

        Assert.Contains("no puede estar vacío", (string?)errors["summary"], StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be empty", (string?)errors["summary"], StringComparison.Ordinal);
        Assert.NotNull(errors["followUp"]);
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Submit_OverLongTextsAndAmbiguousCustomer_NamesTheLimitsAndTheCandidates()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(), Form(customer: "nuñez", summary: new string('s', Interaction.MaxSummaryLength + 1),
            outcome: new string('o', Interaction.MaxOutcomeLength + 1))));

        Assert.Contains("Several customers match", (string?)errors["customer"], StringComparison.Ordinal);
        Assert.Contains("4,001", (string?)errors["summary"], StringComparison.Ordinal);
        Assert.Contains("1,001", (string?)errors["outcome"], StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Submit_FollowUpInThePast_TheDomainRuleAnswersOnTheDateField()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(), Form(followUp: "2020-01-01")));

        Assert.Equal(["followUp"], errors.Select(e => e.Key));
        Assert.Contains("before the interaction", (string?)errors["followUp"], StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Submit_PersonNotInChatCrm_IsRefusedOnTheForm()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });

        var errors = await ErrorsAsync(await SubmitAsync(Client(Stranger, app), Form()));

        Assert.Contains("don't have access", (string?)errors["customer"], StringComparison.Ordinal);
        Assert.Contains("Todavía no tienes acceso", (string?)errors["customer"], StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Submit_ValidFormDeliveredTwice_ClosesTheModalLogsOnceAuditsAndConfirmsInADirectMessage()
    {
        var client = Client();
        var form = Form(kind: "visit", summary: "Showed the new range", outcome: "Wants a quote", followUp: "in 3 days");

        var first = await SubmitAsync(client, form);
        var retry = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(string.Empty, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal("conversations.open", calls[0].Method);
        Assert.Equal("chat.postMessage", calls[1].Method);
        Assert.Equal("DU0LUCIA", (string?)calls[1].Body["channel"]);
        Assert.Contains("María Núñez", calls[1].Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(InteractionKind.Visit, stored.Kind);
        Assert.Equal("Showed the new range", stored.Summary);
        Assert.Equal("Wants a quote", stored.Outcome);
        Assert.NotNull(stored.FollowUpOn);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.LoggedInteraction)));
        Assert.Equal(1, await InboxAsync()); // the retry was recognised by its view id and dropped
        Assert.Equal([], Slack.Violations);
    }
}
