using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>The offers card in Slack: each suggestion's answer buttons are an actions block, and a press is stored like in Teams.</summary>
public sealed class SlackOfferFeedbackTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, locale: "es-ES");
        await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware", country: "US", email: "jwalsh@walshhardware.com", owner: lucia);
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        await db.AddOfferAsync("TR-ADMIN", "Administrator Training", "Training", ConsentPurpose.Marketing);
    }

    private static List<JsonObject> Buttons(SlackCall call, string title) =>
        [.. call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Where(b => (string?)b["text"]?["text"] == title)];

    [Fact]
    public async Task Offers_AnswerButtonsPerSuggestion_PressStoresTheAnswerOnce()
    {
        var client = Client();
        await client.CommandAsync("ofertas jwalsh@walshhardware.com");
        var card = (await Slack.WaitForCallsAsync(1))[0];
        var accepts = Buttons(card, "Aceptar");
        Assert.Equal(2, accepts.Count);
        Assert.Equal(2, Buttons(card, "Rechazar").Count);

        await client.PressAsync(accepts[1]);
        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("Registrado para Jennifer Walsh: Analytics Suite — aceptada.", reply.Text, StringComparison.Ordinal);
        await client.PressAsync(accepts[1]);
        var again = (await Slack.WaitForCallsAsync(3))[2];
        Assert.Contains("Ya estaba registrado", again.Text, StringComparison.Ordinal);

        var stored = await App.WithDatabaseAsync(db => db.OfferPresentations.Where(p => p.Response != null).ToListAsync());
        var presentation = Assert.Single(stored);
        Assert.Equal(OfferResponse.Accepted, presentation.Response);
        Assert.Equal("Slack", presentation.ChatChannel);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.OfferAnswers.CountAsync()));
        Assert.Empty(Slack.Violations);
    }
}
