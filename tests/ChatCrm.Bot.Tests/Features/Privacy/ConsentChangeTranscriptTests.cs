using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Privacy;

/// <summary>
/// Recording what a customer said about consent from Teams, typed and through the privacy card's form, in Spanish (Ana,
/// es-ES) and English (Tom, en-GB): the answer shows the decision with the country's rule, a withdrawal holds the offer
/// back at once, and need-to-know, bad words and dates, unknown customers and stale cards record nothing.
/// </summary>
public sealed class ConsentChangeTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Tom = new("29:tom-chat-id", "5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "Tom Baker");
    private static readonly TeamsUser Pedro = new("29:pedro-chat-id", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "Pedro Ruiz");

    private CustomerId _begona;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana, locale: "es-ES");
        await db.AddRepAsync(Tom, locale: "en-GB");
        await db.AddUserAsync(Pedro, UserRole.SalesRep, "Andes");
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        var begona = await db.AddCustomerAsync("Begoña Ibáñez", "Ordóñez y Castañeda S.L.", "ES", email: "begona@oyc.es", owner: ana);
        await db.GrantAsync(begona, ConsentPurpose.Marketing, ContactChannel.Email);
        await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware Inc.", "US", email: "jwalsh@walshhardware.com", owner: ana);
        _begona = begona.Id;
    }

    private TeamsChat AnaChat() => App.Chat(Connector, CrmData.Ana, locale: "es-ES");

    private TeamsChat TomChat() => App.Chat(Connector, Tom, locale: "en-GB");

    [Fact]
    public async Task Typed_SpanishWithdrawal_AnswersWithTheDecisionAndTheOfferIsHeldBackAtOnce()
    {
        var chat = AnaChat();
        (await chat.SendAsync("ofertas begona@oyc.es")).ShouldSay("Analytics Suite", "dio su consentimiento a comunicaciones comerciales por correo electrónico");

        (await chat.SendAsync("consentimiento begona@oyc.es retirar marketing correo llamada")).ShouldSay(
            "Consentimiento registrado de Begoña Ibáñez", "retirado", "llamada",
            "⛔ no permitido — retiró su consentimiento a comunicaciones comerciales por correo electrónico",
            "Regla en ES", "consentimiento previo: sin consentimiento registrado la respuesta es no",
            "Las ofertas y los contactos por correo electrónico lo respetan desde ahora.");

        (await chat.SendAsync("ofertas begona@oyc.es")).ShouldSay("Retenidas", "Analytics Suite", "retiró su consentimiento a comunicaciones comerciales por correo electrónico");
        var stored = await App.WithDatabaseAsync(db => db.ConsentRecords.Where(r => r.CustomerId == _begona && !r.Granted).SingleAsync());
        Assert.Equal((ConsentPurpose.Marketing, ContactChannel.Email, "llamada", (string?)null), (stored.Purpose, stored.Channel, stored.Source, stored.ExternalId));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.RecordedConsent && a.CustomerId == _begona)));
    }

    [Fact]
    public async Task Typed_EnglishWithdrawalForAUsCustomer_ShowsTheOptOutRuleAndHoldsTheOfferBack()
    {
        var chat = TomChat();
        (await chat.SendAsync("offers jwalsh@walshhardware.com")).ShouldSay("Analytics Suite", "no objection to marketing by e-mail on record");

        (await chat.SendAsync("consent jwalsh@walshhardware.com withdraw marketing email")).ShouldSay(
            "Consent recorded for Jennifer Walsh", "withdrawn", "⛔ not allowed — withdrew consent to marketing by e-mail",
            "Rule in US", "opt-out: allowed until the customer objects");

        (await chat.SendAsync("offers jwalsh@walshhardware.com")).ShouldSay("Held back", "withdrew consent to marketing by e-mail");
    }

    [Fact]
    public async Task Form_EnglishProfilingGrant_RecordedAndTheOffersCardNoLongerSaysProfilingIsMissing()
    {
        var chat = TomChat();
        (await chat.SendAsync("offers begona@oyc.es")).ShouldSay("Ranked by rules, not by the customer's behaviour: no consent to profiling by e-mail on record");
        (await chat.SendAsync("privacy begona@oyc.es")).ShouldSay("Privacy preferences of Begoña Ibáñez");

        (await chat.PressAsync("Record a change")).ShouldSay("Record a consent change for Begoña Ibáñez", "How they said it");
        (await chat.PressAsync("Record", ("action", "grant"), ("purpose", "Profiling"), ("channel", "Email"), ("how", "InPerson"), ("date", Day(CrmData.Today))))
            .ShouldSay("Consent recorded for Begoña Ibáñez", "granted", "in person", "✅ allowed — opted in to profiling by e-mail");

        var offers = await chat.SendAsync("offers begona@oyc.es");
        Assert.DoesNotContain("behaviour", offers.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_SpanishFutureDateAndNoHow_ShowsTheFormAgainWithErrorsAndRecordsNothing()
    {
        var chat = AnaChat();
        await chat.SendAsync("privacidad begona@oyc.es");
        (await chat.PressAsync("Registrar un cambio")).ShouldSay("Registrar un cambio de consentimiento de Begoña Ibáñez", "Cómo lo dijo");

        (await chat.PressAsync("Registrar", ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Email"), ("date", Day(CrmData.Today.AddDays(3)))))
            .ShouldSay("Aún no se ha registrado nada", "es una fecha futura", "Elige uno: llamada, correo, presencial, web o carta.");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task Typed_SpanishYesterday_RecordsTheStatementOnThatDay()
    {
        (await AnaChat().SendAsync("consentimiento begona@oyc.es retirar comercial sms carta ayer")).ShouldSay(
            "Consentimiento registrado de Begoña Ibáñez", $"retirado · {Day(CrmData.Today.AddDays(-1))} · carta");

        var stored = await App.WithDatabaseAsync(db => db.ConsentRecords.SingleAsync(r => r.Channel == ContactChannel.Sms));
        Assert.Equal(CrmData.Today.AddDays(-1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored.RecordedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime));
    }

    [Theory]
    [InlineData("consent begona@oyc.es withdraw spam email", "Nothing was recorded.", "\"spam\" is not a word I know here: use marketing, profiling or service.")]
    [InlineData("consent begona@oyc.es withdraw marketing pigeon", "Nothing was recorded.", "\"pigeon\" is not a word I know here: use email, phone, sms, chat or post.")]
    [InlineData("consent begona@oyc.es withdraw marketing email call 2026-13-45", "Nothing was recorded.", "\"2026-13-45\" is not a date I can read")]
    [InlineData("consent begona@oyc.es withdraw marketing email call 2999-01-01", "Nothing was recorded.", "2999-01-01 is in the future")]
    [InlineData("consentimiento begona@oyc.es retirar comercial paloma", "No se registró nada.", "\"paloma\" no es una palabra que conozca aquí: usa correo, teléfono, sms, chat o postal.")]
    [InlineData("consentimiento begona@oyc.es retirar comercial correo llamada 31/02/2026", "No se registró nada.", "no es una fecha que entienda")]
    public async Task Typed_BadWordsOrDates_AnswersInTheUsersLanguageAndRecordsNothing(string text, string nothing, string why)
    {
        var chat = text.StartsWith("consentimiento", StringComparison.Ordinal) ? AnaChat() : TomChat();

        (await chat.SendAsync(text)).ShouldSay(nothing, why);

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task Typed_UnknownCustomer_SaysSoInBothLanguagesAndRecordsNothing()
    {
        (await TomChat().SendAsync("consent nobody@nowhere.example withdraw marketing email")).ShouldSay("No customer found");
        (await AnaChat().SendAsync("consentimiento nadie@ninguna.example retirar comercial correo")).ShouldSay("No se ha encontrado ningún cliente");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task NeedToKnow_RepOfAnotherTeam_CannotRecordTypedOrByAForgedPress_AndIsAudited()
    {
        var pedro = App.Chat(Connector, Pedro, locale: "es-ES");

        (await pedro.SendAsync("consentimiento begona@oyc.es retirar comercial correo")).ShouldSay("No puedo registrar el consentimiento de este cliente");
        // The form Tom was shown, pressed by Pedro: checked again on the press.
        var tom = TomChat();
        await tom.SendAsync("privacy begona@oyc.es");
        await tom.PressAsync("Record a change");
        var record = tom.LastCard!.Buttons.First(b => (string?)b["title"] == "Record");
        var value = (System.Text.Json.Nodes.JsonObject)record["fallback"]!["data"]!.DeepClone();
        foreach (var (input, text) in new[] { ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Email"), ("how", "Call"), ("date", Day(CrmData.Today)) })
            value[input] = text;
        (await pedro.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, pedro.ConversationId, Pedro, text: null, value, locale: "es-ES")))
            .ShouldSay("No puedo registrar el consentimiento de este cliente");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
        Assert.True(await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.CustomerId == _begona)) >= 2);
    }

    [Theory]
    [InlineData(true, "the customer was merged into Begoña Ibáñez (nueva)")]
    [InlineData(false, "that customer's data was erased or no longer exists")]
    public async Task Form_StaleCardAfterMergeOrErasure_RecordsNothingAndSaysWhy(bool merged, string why)
    {
        var chat = TomChat();
        await chat.SendAsync("privacy begona@oyc.es");
        await chat.PressAsync("Record a change");
        await App.WithDatabaseAsync(async db =>
        {
            var begona = await db.Customers.SingleAsync(c => c.Id == _begona);
            if (merged)
            {
                var survivor = await db.AddCustomerAsync("Begoña Ibáñez (nueva)", null, "ES");
                db.Entry(begona).Property(c => c.MergedIntoId).CurrentValue = survivor.Id;
            }
            else
                begona.Erase(CrmData.Now);
            await db.SaveChangesAsync();
            return 0;
        });

        (await chat.PressAsync("Record", ("action", "withdraw"), ("purpose", "Marketing"), ("channel", "Email"), ("how", "Call"), ("date", Day(CrmData.Today))))
            .ShouldSay("This card is out of date", why, "Nothing was recorded");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task TwoPeopleAtOnce_BothStatementsStand_AndEachIsAnswered()
    {
        var turns = await Task.WhenAll(
            AnaChat().SendAsync("consentimiento begona@oyc.es retirar comercial sms llamada"),
            TomChat().SendAsync("consent begona@oyc.es grant marketing sms web"));

        turns[0].ShouldSay("Consentimiento registrado de Begoña Ibáñez");
        turns[1].ShouldSay("Consent recorded for Begoña Ibáñez");
        var sms = await App.WithDatabaseAsync(db => db.ConsentRecords.Where(r => r.Channel == ContactChannel.Sms).ToListAsync());
        Assert.Equal([false, true], sms.Select(r => r.Granted).Order());
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.RecordedConsent)));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
