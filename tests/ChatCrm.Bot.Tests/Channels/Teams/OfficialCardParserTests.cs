using ChatCrm.Bot.Features.Customers;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Tests.Support;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// Every card the bot can emit (<see cref="CardCatalogue"/>, in both languages and with the longest data the rules
/// allow), parsed by the official Adaptive Cards library from npm (<c>tests/card-validator</c>, installed by test.sh):
/// no parse or validation event at all, and under Teams' 28 KB. Without the validator these tests fail, saying how to
/// install it.
/// </summary>
public sealed class OfficialCardParserTests
{
    [Fact]
    public async Task Validate_EveryCardTheBotCanEmit_HasNoEventsAndFitsTeams()
    {
        var rendered = CardCatalogue.All().Select(c => (c.Name, Card: AdaptiveCardRenderer.Render(c.Card))).ToList();
        // A shared profile card carries a refresh for the conversation's members: the largest form it takes.
        rendered.Add(("profile with refresh for 60 members", AdaptiveCardRenderer.Render(
            CardCatalogue.All().First(c => c.Name.StartsWith("profile, full access", StringComparison.Ordinal)).Card,
            Enumerable.Range(0, 80).Select(i => $"29:{Guid.NewGuid():N}{i}").ToList())));

        var results = await OfficialCardValidator.ValidateAsync(rendered);

        Assert.Equal(rendered.Count, results.Count);
        foreach (var (name, card) in rendered)
        {
            Assert.True(results[name].Count == 0, $"{name}: {string.Join("; ", results[name])}");
            Assert.True(AdaptiveCardSchema.SizeInBytes(card) <= AdaptiveCardSchema.MaxActivityBytes, $"{name}: {AdaptiveCardSchema.SizeInBytes(card):N0} bytes");
        }
    }

    [Fact]
    public async Task Validate_BrokenCard_IsReported()
    {
        // The check must be able to fail: an unknown element, two inputs with one id, a 1.6 property on a 1.5 card.
        var broken = AdaptiveCardRenderer.Render(new Card("Broken", [new CardTextInput("x", "X", 10), new CardTextInput("x", "Y", 10)], []));
        broken["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel2000" });
        broken["body"]![1]!["labelPosition"] = "inline";

        var results = await OfficialCardValidator.ValidateAsync([("broken", broken)]);

        Assert.Contains(results["broken"], e => e.Contains("UnknownElementType", StringComparison.Ordinal));
        Assert.Contains(results["broken"], e => e.Contains("DuplicateId", StringComparison.Ordinal));
        Assert.Contains(results["broken"], e => e.Contains("UnsupportedProperty", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_RefreshForMoreThanSixtyMembers_ListsSixty()
    {
        var card = new Card("c", [], []) { Refresh = CardButton.For("Refresh", CustomerCards.RefreshVerb, ("customerId", "1")) };

        var json = AdaptiveCardRenderer.Render(card, Enumerable.Range(0, 75).Select(i => $"29:{i}").ToList());
        var personal = AdaptiveCardRenderer.Render(card);

        Assert.Equal(AdaptiveCardRenderer.MaxRefreshUserIds, json["refresh"]!["userIds"]!.AsArray().Count);
        Assert.Equal("Action.Execute", (string?)json["refresh"]!["action"]!["type"]);
        Assert.Equal(CustomerCards.RefreshVerb, (string?)json["refresh"]!["action"]!["verb"]);
        Assert.Null(personal["refresh"]);
        Assert.Empty(AdaptiveCardSchema.Problems(json));
    }
}
