using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.CustomerUpkeep;

/// <summary>
/// "edit" in Slack: the same correction form as a modal, opened by "/crm editar &lt;cliente&gt;" with the customer and
/// its version as metadata; a submission after someone else's change, or from someone who may not correct the
/// customer, is refused in the modal; a valid one closes it and the worker saves and confirms in a direct message.
/// Pilar (Iberia) owns María; Lucía is a rep of another team.
/// </summary>
public sealed class EditCustomerSlackTests : SlackTestBase
{
    private Customer _maria = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var pilar = await AddSlackUserAsync(db, Pilar, UserRole.SalesRep, "Iberia", locale: "es-ES");
        await AddSlackUserAsync(db, Lucia, UserRole.SalesRep, "LatAm");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria@acme.es", owner: pilar);
    }

    [Fact]
    public async Task Command_OpensTheModalWithTheCustomersVersion()
    {
        await Client(Pilar).CommandAsync("editar María Núñez", triggerId: "777.888.edit");

        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "chatcrm-customer-edit"), (open.Method, (string?)open.Body["view"]?["callback_id"]));
        Assert.Equal($"{_maria.Id.Value}|{await VersionAsync()}", (string?)open.Body["view"]?["private_metadata"]);
        var fields = FormFields.OfModal(open.Body["view"]!.AsObject());
        Assert.Equal(["name", "company", "country", "language", "newEmail", "newPhone", "newLoyaltyNumber", "newExternalId", "remove"], fields.Select(f => f.Id));
        Assert.Equal(("María Núñez", "ES"), (fields[0].Value, fields[2].Value));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_Valid_ClosesTheModalAndTheWorkerSavesAndAudits()
    {
        var response = await SubmitAsync(Client(Pilar), $"{_maria.Id.Value}|{await VersionAsync()}",
            ("name", "María Núñez"), ("company", ""), ("country", "ES"), ("language", "en"), ("newExternalId", "crm-77"));

        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Contains("María Núñez guardado", (await Slack.WaitForCallsAsync(2))[^1].Text, StringComparison.Ordinal);
        var maria = await App.WithDatabaseAsync(db => db.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == _maria.Id));
        Assert.Equal((null, "en"), (maria.Company, maria.PreferredLanguage.Value));
        Assert.Contains(maria.Identities, i => i.Kind == IdentityKind.ExternalId && i.Value == "CRM-77");
        Assert.Equal("Slack", await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ChangedCustomer).Select(a => a.Channel).SingleAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_StaleVersion_IsRefusedInSpanishAndNothingChanges()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(Pilar), $"{_maria.Id.Value}|99", ("name", "Otra"), ("country", "ES")));

        Assert.Contains("Alguien cambió a María Núñez mientras tanto", (string?)errors["name"], StringComparison.Ordinal);
        Assert.Equal("María Núñez", await App.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == _maria.Id).Select(c => c.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Submission_RepOfAnotherTeam_IsRefusedInTheModal()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(Lucia), $"{_maria.Id.Value}|{await VersionAsync()}", ("name", "Otra"), ("country", "ES")));

        Assert.Contains("I can't change María Núñez's record for you", (string?)errors["name"], StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ChangedCustomer)));
    }

    private Task<long> VersionAsync() =>
        App.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == _maria.Id).Select(c => EF.Property<long>(c, "Version")).SingleAsync());

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, string metadata, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync("chatcrm-customer-edit", values.Select(v => (v.Id, v.Id is "language" or "remove"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))), metadata);

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }
}
