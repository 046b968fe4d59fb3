using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Privacy;

/// <summary>
/// Recording consent from Slack: "Registrar un cambio" on the privacy card opens the consent modal (the same card Teams
/// shows), its submission is checked per field in the user's language and recorded by the worker, and the typed
/// command works through /crm. Lucía's stored locale is Spanish, Kate's English; Pilar works in another team.
/// </summary>
public sealed class SlackConsentChangeTests : SlackTestBase
{
    private static readonly SlackUser Kate = new("T0ACME", "U0KATE", "kate");

    private CustomerId _maria;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, locale: "es-ES");
        await AddSlackUserAsync(db, Kate, locale: "en-GB");
        await AddSlackUserAsync(db, Pilar, team: "Andes", locale: "es-ES");
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        _maria = maria.Id;
    }

    [Fact]
    public async Task RecordAChange_SpanishPrivacyCard_OpensTheConsentModalForTheCustomer()
    {
        var client = Client();
        await client.CommandAsync("privacidad maria.nunez@acme.es");
        var card = (await Slack.WaitForCallsAsync(1)).Single();

        var press = await client.PressAsync(Buttons(card).Single(b => (string?)b["text"]?["text"] == "Registrar un cambio"), triggerId: "111.222.consent");

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var open = Slack.Calls.Single(c => c.Method == "views.open");
        Assert.Equal("111.222.consent", (string?)open.Body["trigger_id"]);
        Assert.Equal("chatcrm-consent-change", (string?)open.Body["view"]?["callback_id"]);
        Assert.Equal(_maria.Value.ToString(), (string?)open.Body["view"]?["private_metadata"]);
        Assert.Equal("Registrar consentimiento", (string?)open.Body["view"]?["title"]?["text"]);
        Assert.Contains("Cómo lo dijo", open.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_SpanishFutureDateAndUnknownChannel_ErrorsUnderEachFieldAndNothingQueued()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(), _maria.Value.ToString(),
            ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Paloma"), ("how", "Call"), ("date", Day(CrmData.Today.AddDays(2)))));

        Assert.Contains("es una fecha futura", (string?)errors["date"], StringComparison.Ordinal);
        Assert.Contains("\"Paloma\" no es una palabra que conozca", (string?)errors["channel"], StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task Submission_EnglishValidWithdrawal_RecordedByTheWorkerAndAnsweredInADm_ThenOffersHoldItBack()
    {
        var response = await SubmitAsync(Client(Kate), _maria.Value.ToString(),
            ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Email"), ("how", "Letter"), ("date", Day(CrmData.Today)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("Consent recorded for María Núñez", calls[1].Text, StringComparison.Ordinal);
        Assert.Contains("Rule in ES", calls[1].Text, StringComparison.Ordinal);
        var withdrawal = await App.WithDatabaseAsync(db => db.ConsentRecords.SingleAsync(r => !r.Granted));
        Assert.Equal("letter", withdrawal.Source);

        await Client(Kate).CommandAsync("offers maria.nunez@acme.es");
        var offers = (await Slack.WaitForCallsAsync(3))[2];
        Assert.Contains("Held back", offers.Text, StringComparison.Ordinal);
        Assert.Contains("withdrew consent to marketing by e-mail", offers.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task TypedThroughCrm_SpanishWithdrawal_IsRecordedAndAnswered()
    {
        await Client().CommandAsync("consentimiento maria.nunez@acme.es retirar perfiles correo presencial");

        var answer = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Consentimiento registrado de María Núñez", answer.Text, StringComparison.Ordinal);
        Assert.Contains("en persona", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync(r => r.Purpose == ConsentPurpose.Profiling && !r.Granted)));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_ByAUserWhoMayNotSeeTheCustomer_IsRefusedInTheirLanguageAndNothingRecorded()
    {
        await SubmitAsync(Client(Pilar), _maria.Value.ToString(),
            ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Email"), ("how", "Call"), ("date", Day(CrmData.Today)));

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("No puedo registrar el consentimiento de este cliente", calls[1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied)));
    }

    [Fact]
    public async Task Submission_AfterTheCustomerWasErased_SaysTheFormIsOutOfDateAndRecordsNothing()
    {
        await App.WithDatabaseAsync(async db =>
        {
            (await db.Customers.SingleAsync(c => c.Id == _maria)).Erase(CrmData.Now);
            await db.SaveChangesAsync();
        });

        await SubmitAsync(Client(Kate), _maria.Value.ToString(),
            ("action", "grant"), ("purpose", "Marketing"), ("channel", "Sms"), ("how", "Web"), ("date", Day(CrmData.Today)));

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("This card is out of date", calls[1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<JsonObject> Buttons(SlackCall call) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).ToList();

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, string metadata, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync("chatcrm-consent-change", values.Select(v => (v.Id, v.Id == "date"
            ? SlackViewSubmission.Picked(v.Value) : SlackViewSubmission.Selected(v.Value))), metadata, $"V{Guid.NewGuid():N}");

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }
}
