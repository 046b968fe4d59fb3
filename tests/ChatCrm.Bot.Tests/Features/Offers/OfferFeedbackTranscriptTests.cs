using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>"Accept / Not now / Decline" on the offers card in Teams: stored once per answer, changed with history, need-to-know checked.</summary>
public sealed class OfferFeedbackTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Pedro = new("29:pedro-chat-id", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "Pedro Ruiz");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Pedro, UserRole.SalesRep, "Andes");
        await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware", country: "US", email: "jwalsh@walshhardware.com", owner: ana);
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        await db.AddOfferAsync("TR-ADMIN", "Administrator Training", "Training", ConsentPurpose.Marketing);
    }

    [Fact]
    public async Task Answer_InSpanish_IsStoredOnceChangedWithHistoryAndTheDeclineCoolsTheOfferOff()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        (await chat.SendAsync("ofertas jwalsh@walshhardware.com"))
            .ShouldSay("Ofertas para Jennifer Walsh", "Ordenadas por reglas: todavía no hay historial suficiente.", "Administrator Training", "Analytics Suite",
                "[Aceptar] [Ahora no] [Rechazar]");
        var shown = chat.LastCard!;
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.OfferPresentations.CountAsync(p => p.RankedBy == OfferRankingSource.Rules && p.ChatChannel == "Teams")));

        (await chat.PressOnAsync(shown, "Aceptar")).ShouldSay("Registrado para Jennifer Walsh: Administrator Training — aceptada.");
        (await chat.PressOnAsync(shown, "Aceptar")).ShouldSay("Ya estaba registrado para Jennifer Walsh: Administrator Training — aceptada. No ha cambiado nada.");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.OfferAnswers.CountAsync()));

        (await chat.PressOnAsync(shown, "Rechazar")).ShouldSay("Cambiado para Jennifer Walsh: Administrator Training — rechazada (antes aceptada");
        var answers = await App.WithDatabaseAsync(db => db.OfferAnswers.OrderBy(a => a.AnsweredAt).ToListAsync());
        Assert.Equal([OfferResponse.Accepted, OfferResponse.Declined], answers.Select(a => a.Response));
        Assert.Equal(OfferResponse.Accepted, answers[1].Replaced);
        // The answer and the change are audited; the second press changed nothing and is not.
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AnsweredOffer)));

        // Declined: held back for the cooling-off period, so the next card suggests only the other offer.
        (await chat.SendAsync("ofertas jwalsh@walshhardware.com")).ShouldSay("Retenidas", "Administrator Training: rechazada el", "en pausa hasta el");
        Assert.Equal(3, await App.WithDatabaseAsync(db => db.OfferPresentations.CountAsync()));
    }

    [Fact]
    public async Task Offers_InEnglish_LabelsAndButtonsAreEnglishAndUniversalActionRecordsTheAnswer()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, "offers jwalsh@walshhardware.com")))
            .ShouldSay("Offers for Jennifer Walsh", "Ranked by rules: not enough history yet.", "[Accept] [Not now] [Decline]", "new category for this customer: Training");

        var answered = await chat.ExecuteAsync("Not now");

        Assert.Contains("Administrator Training", answered.Text, StringComparison.Ordinal);
        var presentation = await App.WithDatabaseAsync(db => db.OfferPresentations.SingleAsync(p => p.Response != null));
        Assert.Equal(OfferResponse.NotNow, presentation.Response);
    }

    [Fact]
    public async Task Answer_ByARepWithoutNeedToKnow_IsRefusedAuditedAndNothingStored()
    {
        var ana = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        await ana.SendAsync("ofertas jwalsh@walshhardware.com");
        var accept = ana.LastCard!.Buttons.First(b => (string?)b["title"] == "Aceptar");
        var value = (JsonObject)accept["fallback"]!["data"]!.DeepClone();

        var pedro = App.Chat(Connector, Pedro);
        (await pedro.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, pedro.ConversationId, Pedro, text: null, value))).ShouldSay("I can't show you offers");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.OfferAnswers.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied)));
    }

    [Fact]
    public async Task Answer_ForgedButton_SaysNothingWasRecorded()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        var value = new JsonObject { ["verb"] = "offer-answer", ["presentationId"] = Guid.NewGuid().ToString(), ["response"] = "Maybe" };

        (await chat.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, CrmData.Ana, text: null, value, locale: "es-ES")))
            .ShouldSay("no se ha registrado nada");
    }
}
