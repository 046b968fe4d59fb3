using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Settings;

/// <summary>
/// Time zone and language in Slack: an account linked through users.info takes Slack's <c>tz</c> and locale (asked
/// for with <c>include_locale</c>); "/crm settings" opens the settings form as a modal, whose bad zone is refused under
/// its field in the person's language with nothing saved; a valid one closes it and is confirmed in a direct message;
/// the typed form works in both languages. Pilar speaks Spanish, Lucía English; both start in Europe/Madrid.
/// </summary>
public sealed class SettingsSlackTests : SlackTestBase
{
    private static readonly SlackUser NewRosa = new("T0ACME", "U0ROSA", "rosa");

    private User _pilar = null!;
    private User _lucia = null!;

    /// <summary>No demo enrolment: Rosa is linked by her e-mail, as in production.</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _pilar = await AddSlackUserAsync(db, Pilar, locale: "es-ES");
        _lucia = await AddSlackUserAsync(db, Lucia);
        var rosa = new User(UserId.New(), "Rosa Medina", UserRole.SalesRep, "LatAm", "UTC", "en-US");
        rosa.UseEmail("rosa.medina@example.com");
        db.Users.Add(rosa);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task UnknownAccount_LinkedByEmail_TakesSlacksTimeZoneAndLocale()
    {
        Slack.Profiles[NewRosa.UserId] = ("rosa.medina@example.com", "es-419");
        Slack.TimeZones[NewRosa.UserId] = "America/Lima";

        await Client(NewRosa).CommandAsync("ajustes");

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal(("users.info", "true"), (calls[0].Method, (string?)calls[0].Body["include_locale"]));
        var rosa = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Rosa Medina"));
        Assert.Equal(("America/Lima", PreferenceSource.ChatClient, "es-419"), (rosa.TimeZone, rosa.TimeZoneSource, rosa.Locale));
        Assert.Contains("America/Lima · según tu Teams o Slack", calls[^1].Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Command_OpensTheSettingsModalWithTheCurrentValues()
    {
        await Client(Lucia).CommandAsync("settings", triggerId: "555.666.settings");

        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "chatcrm-settings"), (open.Method, (string?)open.Body["view"]?["callback_id"]));
        var fields = FormFields.OfModal(open.Body["view"]!.AsObject());
        Assert.Equal(["timeZone", "language"], fields.Select(f => f.Id));
        Assert.Equal(("Europe/Madrid", "en"), (fields[0].Value, fields[1].Value));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Submission_InvalidZone_IsRefusedInSpanishUnderTheFieldAndNothingIsSaved()
    {
        var response = await SubmitAsync(Client(Pilar), ("timeZone", "Madrid/Spain"), ("language", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.Contains("«Madrid/Spain» no es una zona horaria que conozca", (string?)answer["errors"]!["timeZone"], StringComparison.Ordinal);
        var pilar = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _pilar.Id));
        Assert.Equal(("Europe/Madrid", "es-ES", PreferenceSource.Directory), (pilar.TimeZone, pilar.Locale, pilar.LocaleSource));
    }

    [Fact]
    public async Task Submission_Valid_ClosesTheModalAndIsConfirmedInADirectMessage()
    {
        var response = await SubmitAsync(Client(Lucia), ("timeZone", "buenos aires"), ("language", "en"));

        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var confirmation = (await Slack.WaitForCallsAsync(2))[^1];
        Assert.Contains("Settings saved", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("America/Argentina/Buenos_Aires", confirmation.Text, StringComparison.Ordinal);
        var lucia = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _lucia.Id));
        Assert.Equal(("America/Argentina/Buenos_Aires", PreferenceSource.Person), (lucia.TimeZone, lucia.TimeZoneSource));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Typed_AjustesZonaHoraria_IsSavedAndAnsweredInSpanish()
    {
        await Client(Pilar).CommandAsync("ajustes zona horaria Ciudad de México");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Ajustes guardados", reply.Text, StringComparison.Ordinal);
        Assert.Contains("America/Mexico_City", reply.Text, StringComparison.Ordinal);
        Assert.Equal("America/Mexico_City", await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _pilar.Id).Select(u => u.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task Typed_SettingsLanguageEs_AnswersInSpanishFromThenOn()
    {
        var client = Client(Lucia);

        await client.CommandAsync("settings language es");
        await client.CommandAsync("cases");

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("Ajustes guardados", calls[0].Text, StringComparison.Ordinal);
        Assert.Contains("No tienes casos activos asignados.", calls[1].Text, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync("chatcrm-settings", values.Select(v => (v.Id, v.Id == "language"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))), null);
}
