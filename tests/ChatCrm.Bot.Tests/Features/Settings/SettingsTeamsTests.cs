using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Settings;

/// <summary>
/// "settings" / "ajustes" in Teams, as transcripts through the real host: the zone the Teams client reports
/// (clientInfo's <c>timezone</c>, else the activity's <c>localTimezone</c>) becomes the user's unless they chose one;
/// the form and the typed command set zone and language; anything not understood is answered in the reader's
/// language and nothing of it is saved. Ana starts in Europe/Madrid as the directory has it, in English.
/// </summary>
public sealed class SettingsTeamsTests : BotTestBase
{
    private User _ana = null!;

    protected override async Task ArrangeAsync(CrmDbContext db) => _ana = await db.AddRepAsync(CrmData.Ana);

    [Fact]
    public async Task Settings_ShowsTheZoneWhereItCameFromTheTimeThereAndTheLanguage()
    {
        var turn = await App.Chat(Connector, CrmData.Ana).SendAsync("settings");

        turn.ShouldSay("Your settings", "Europe/Madrid · from the directory", "Time there now", "English");
        Assert.Contains(" Europe/Madrid", turn.Messages.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientInfoTimezone_BecomesTheUsersZoneAndSaysWhereItCameFrom()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.PostAsync(WithClientInfo(chat, "help", "America/Bogota"));

        var ana = await UserAsync();
        Assert.Equal(("America/Bogota", PreferenceSource.ChatClient), (ana.TimeZone, ana.TimeZoneSource));
        (await chat.PostAsync(WithClientInfo(chat, "settings", "America/Bogota"))).ShouldSay("America/Bogota · as your Teams or Slack reports it");
    }

    [Fact]
    public async Task LocalTimezone_WithoutClientInfo_IsRead()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        var activity = TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "help");
        activity.Remove("entities"); // no clientInfo (an older client)
        activity["localTimezone"] = "Asia/Tokyo";

        await chat.PostAsync(activity);

        Assert.Equal("Asia/Tokyo", (await UserAsync()).TimeZone);
    }

    [Fact]
    public async Task ClientTimezone_NotAnIanaId_IsIgnored()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.PostAsync(WithClientInfo(chat, "help", "Madrid/Spain"))).ShouldSay("find <customer>");

        var ana = await UserAsync();
        Assert.Equal(("Europe/Madrid", PreferenceSource.Directory), (ana.TimeZone, ana.TimeZoneSource));
    }

    [Fact]
    public async Task SettingsTimezoneCity_IsSavedAuditedAndWinsOverTheClientAfterwards()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("settings timezone New York")).ShouldSay("Settings saved", "America/New_York");
        await chat.PostAsync(WithClientInfo(chat, "help", "Europe/London"));

        var ana = await UserAsync();
        Assert.Equal(("America/New_York", PreferenceSource.Person), (ana.TimeZone, ana.TimeZoneSource));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal((_ana.Id, "own settings: time zone: Europe/Madrid -> America/New_York"), (entry.Actor, entry.Details));
    }

    [Fact]
    public async Task AjustesZonaHoraria_Invalid_AnswersInSpanishAndSavesNothing()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("ajustes zona horaria Madrid/Spain"))
            .ShouldSay("«Madrid/Spain» no es una zona horaria que conozca", "Europe/Madrid", "No se ha cambiado nada");

        var ana = await UserAsync();
        Assert.Equal(("Europe/Madrid", PreferenceSource.Directory), (ana.TimeZone, ana.TimeZoneSource));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AjustesZonaHoraria_CityWithAccents_IsSavedAndAnsweredInSpanish()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("ajustes zona horaria Bogotá")).ShouldSay("Ajustes guardados", "America/Bogota", "Hora allí ahora");

        Assert.Equal("America/Bogota", (await UserAsync()).TimeZone);
    }

    [Fact]
    public async Task Form_BadZoneAndANewLanguage_SavesNeitherAndShowsTheErrorUnderTheZone()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("settings");

        (await chat.PressAsync("Save", ("timeZone", "Atlantis"), ("language", "es")))
            .ShouldSay("Nothing was saved yet", "⚠ \"Atlantis\" is not a time zone I know");

        var ana = await UserAsync();
        Assert.Equal(("Europe/Madrid", "en-US", PreferenceSource.Directory), (ana.TimeZone, ana.Locale, ana.LocaleSource));
    }

    [Fact]
    public async Task Form_CityAndSpanish_AreSavedAndSpanishWinsOverTheClientsEnglish()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("settings");

        (await chat.PressAsync("Save", ("timeZone", "canary islands"), ("language", "es"))).ShouldSay("Ajustes guardados", "Atlantic/Canary", "Español");
        (await chat.SendAsync("help")).ShouldSay("esta lista");

        var ana = await UserAsync();
        Assert.Equal(("Atlantic/Canary", "es", PreferenceSource.Person), (ana.TimeZone, ana.Locale, ana.LocaleSource));
    }

    [Fact]
    public async Task Form_PressedAsAUniversalAction_IsReplacedByTheSavedSettings()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("settings");

        (await chat.ExecuteAsync("Save", ("timeZone", "Lisboa"), ("language", "en"))).ShouldSay("Settings saved", "Europe/Lisbon");

        Assert.Equal(("Europe/Lisbon", PreferenceSource.Person), ((await UserAsync()).TimeZone, (await UserAsync()).TimeZoneSource));
    }

    [Fact]
    public async Task SettingsLanguage_Typed_SwitchesTheAnswersAndBack()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("settings language es")).ShouldSay("Ajustes guardados", "Español");
        (await chat.SendAsync("ajustes idioma inglés")).ShouldSay("Settings saved", "English");
        (await chat.SendAsync("settings language klingon")).ShouldSay("\"klingon\" is not a language I speak");

        Assert.Equal("en", (await UserAsync()).Locale);
    }

    private Task<User> UserAsync() => App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _ana.Id));

    private JsonObject WithClientInfo(TeamsChat chat, string text, string timezone)
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, chat.User, text, locale: chat.Locale);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = chat.Locale, ["country"] = "US", ["platform"] = "Web", ["timezone"] = timezone,
        });
        return activity;
    }
}
