using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.CustomerUpkeep;

/// <summary>
/// "new customer" in Slack: the same form as Teams, as a modal — "/crm new customer" opens it, a submission with errors
/// keeps it open with the errors under the field names (in the user's language), a valid one closes it and the worker
/// creates the customer (audited) and confirms in a direct message, where likely duplicates are offered first and the
/// "create anyway" button creates. Pilar is a rep, Lucía a privacy officer.
/// </summary>
public sealed class NewCustomerSlackTests : SlackTestBase
{
    private User _pilar = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _pilar = await AddSlackUserAsync(db, Pilar, UserRole.SalesRep, "Iberia", locale: "es-ES");
        await AddSlackUserAsync(db, Lucia, UserRole.PrivacyOfficer, "Legal");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria@acme.es", owner: _pilar);
    }

    [Fact]
    public async Task Command_OpensTheModalWithTheSameFieldsAsTheTeamsForm()
    {
        var command = await Client(Pilar).CommandAsync("nuevo cliente Lucía Ferrer", triggerId: "555.666.new");

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "555.666.new", "chatcrm-customer-new"),
            (open.Method, (string?)open.Body["trigger_id"], (string?)open.Body["view"]?["callback_id"]));
        var fields = FormFields.OfModal(open.Body["view"]!.AsObject());
        Assert.Equal(["name", "company", "email", "phone", "country", "language", "owner"], fields.Select(f => f.Id));
        Assert.Equal("Lucía Ferrer", fields[0].Value);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_WithErrors_AnswersThemInSpanishUnderTheFieldsAndStoresNothing()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(Pilar), ("name", "Marta Gil"), ("email", "maria@acme.es"), ("phone", "12"), ("country", "ZZZ")));

        Assert.Equal(["country", "email", "phone"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("ya es de María Núñez · Acme Ibérica", (string?)errors["email"], StringComparison.Ordinal);
        Assert.Contains("no es un código de país", (string?)errors["country"], StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task Submission_Valid_ClosesTheModalAndTheWorkerCreatesAndAuditsTheCustomer()
    {
        var response = await SubmitAsync(Client(Pilar), ("name", "Hannah Schmidt"), ("company", "Schmidt GmbH"), ("email", "Hannah@Schmidt.de"),
            ("country", "DE"), ("language", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("Hannah Schmidt creado", calls[^1].Text, StringComparison.Ordinal);
        var hannah = await App.WithDatabaseAsync(db => db.Customers.Include(c => c.Identities).SingleAsync(c => c.DisplayName == "Hannah Schmidt"));
        Assert.Equal((_pilar.Id, "DE", "en", "hannah@schmidt.de"), (hannah.OwnerId, hannah.Country.Value, hannah.PreferredLanguage.Value, hannah.Identities.Single().Value));
        Assert.Equal("Slack", await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.CreatedCustomer).Select(a => a.Channel).SingleAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_LikelyDuplicate_OffersItInTheDirectMessageAndTheCreateAnywayButtonCreates()
    {
        var client = Client(Pilar);
        await SubmitAsync(client, ("name", "María Nuñez"), ("company", "Acme Iberica"), ("country", "ES"));
        var offer = (await Slack.WaitForCallsAsync(2))[^1];
        Assert.Contains("Parece María Núñez · Acme Ibérica: ¿usas esa ficha?", offer.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));

        var anyway = offer.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(b => ((string?)b["text"]?["text"])?.StartsWith("Crear un cliente nuevo", StringComparison.Ordinal) == true);
        await client.PressAsync(anyway);

        Assert.Contains("María Nuñez creado", (await Slack.WaitForCallsAsync(3))[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_PrivacyOfficer_IsRefusedInTheModal()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(Lucia), ("name", "X Y"), ("country", "ES")));

        Assert.Contains("I can't add customers for you", (string?)errors["name"], StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync("chatcrm-customer-new", values.Select(v => (v.Id, v.Id is "language"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))));

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }
}
