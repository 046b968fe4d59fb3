using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// Correcting one's own log in Slack: "/crm amend" opens the log form as a modal filled in with the last interaction
/// (its id as metadata); a valid submission closes it and the worker stores the correction and confirms in a direct
/// message, while someone else's submission is refused inside the modal. "/crm anular" asks, and its button withdraws.
/// Pilar logged a call with María an hour ago; Lucía is a colleague.
/// </summary>
public sealed class LogCorrectionSlackTests : SlackTestBase
{
    private Interaction _call = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.100" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var pilar = await AddSlackUserAsync(db, Pilar, UserRole.SalesRep, "Iberia", locale: "es-ES");
        await AddSlackUserAsync(db, Lucia, UserRole.SalesRep, "Iberia");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: pilar);
        var now = DateTimeOffset.UtcNow;
        _call = Interaction.Log(maria.Id, pilar.Id, now.AddHours(-1), now.AddHours(-1), InteractionChannel.Phone, InteractionKind.Call,
            "Llamada sobre la factura", null, null);
        db.Interactions.Add(_call);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Amend_OpensTheModalFilledIn_AndTheSubmissionStoresTheCorrectionKeepingTheOriginal()
    {
        await Client(Pilar).CommandAsync("amend", triggerId: "777.888.amend");

        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "chatcrm-log-amend", _call.Id.Value.ToString()),
            (open.Method, (string?)open.Body["view"]?["callback_id"], (string?)open.Body["view"]?["private_metadata"]));
        Assert.Equal("Llamada sobre la factura", FormFields.OfModal(open.Body["view"]!.AsObject()).Single(f => f.Id == "summary").Value);

        var response = await Client(Pilar).SubmitViewAsync("chatcrm-log-amend",
            [("kind", SlackViewSubmission.Selected("Visit")), ("summary", SlackViewSubmission.Typed("Visita sobre la factura de marzo"))], _call.Id.Value.ToString());

        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(3);
        Assert.True(calls.Any(c => c.Text.Contains("Interacción corregida", StringComparison.Ordinal)), string.Join("\n---\n", calls.Select(c => c.Method + ": " + c.Body.ToJsonString())));
        var versions = await App.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().OrderBy(i => i.RecordedAt).ToListAsync());
        Assert.Equal([(InteractionState.Amended, "Llamada sobre la factura"), (InteractionState.Current, "Visita sobre la factura de marzo")],
            versions.Select(v => (v.State, v.Summary)));
        Assert.Equal("Slack", await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.AmendedInteraction).Select(a => a.Channel).SingleAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Amend_SubmittedBySomeoneElse_IsRefusedInTheModalAndNothingChanges()
    {
        var response = await Client(Lucia).SubmitViewAsync("chatcrm-log-amend",
            [("kind", SlackViewSubmission.Selected("Call")), ("summary", SlackViewSubmission.Typed("Not mine to change"))], _call.Id.Value.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.Contains("only the person who logged an interaction", (string?)answer["errors"]!["summary"], StringComparison.Ordinal);
        Assert.Equal(InteractionState.Current, await App.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().Select(i => i.State).SingleAsync()));
    }

    [Fact]
    public async Task Anular_AsksAndItsButtonWithdraws()
    {
        var client = Client(Pilar);
        await client.CommandAsync("anular");
        var question = (await Slack.WaitForCallsAsync(1))[0];
        Assert.Contains("¿Anular esta interacción?", question.Text, StringComparison.Ordinal);

        await client.PressAsync(Button(question, "Anularla"));

        Assert.Contains(await Slack.WaitForCallsAsync(2), c => c.Text.Contains("Interacción anulada", StringComparison.Ordinal));
        Assert.Equal(InteractionState.Withdrawn, await App.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().Select(i => i.State).SingleAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WithdrewInteraction)));
        Assert.Empty(Slack.Violations);
    }

    private static JsonObject Button(SlackCall call, string title) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(b => (string?)b["text"]?["text"] == title);
}
