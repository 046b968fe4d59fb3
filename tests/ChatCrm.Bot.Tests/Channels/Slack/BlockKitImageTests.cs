using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Tests.Support;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>A card's picture in each rendering: a Block Kit image block, an Adaptive Card Image, and its alt text in plain text.</summary>
public sealed class BlockKitImageTests
{
    private static readonly Uri Url = new("https://crm.example.com/charts/abc.png");

    [Fact]
    public void Render_Image_IsAnImageBlockWithAltText()
    {
        var blocks = BlockKitRenderer.Render(new Card("KPIs", [new CardImage(Url, "Chart: Interactions by rep. Ana 3.")], []));

        Assert.Empty(BlockKitChecks.Check(blocks, BlockKitLimits.MessageBlocks));
        var image = blocks.OfType<JsonObject>().Single(b => (string?)b["type"] == "image");
        Assert.Equal(Url.AbsoluteUri, (string?)image["image_url"]);
        Assert.Equal("Chart: Interactions by rep. Ana 3.", (string?)image["alt_text"]);
    }

    [Fact]
    public void Render_ImageWithLongAltTextOrAddress_StaysWithinSlacksLimits()
    {
        var longAddress = new Uri($"https://crm.example.com/charts/{new string('x', 3100)}.png");
        var blocks = BlockKitRenderer.Render(new Card("KPIs", [new CardImage(Url, new string('a', 2500)), new CardImage(longAddress, "Chart: said in words")], []));

        Assert.Empty(BlockKitChecks.Check(blocks, BlockKitLimits.MessageBlocks));
        var image = blocks.OfType<JsonObject>().Single(b => (string?)b["type"] == "image");
        Assert.Equal(2000, ((string?)image["alt_text"])!.Length);
        Assert.Contains(blocks.OfType<JsonObject>(), b => (string?)b["type"] == "context" && b.ToJsonString().Contains("Chart: said in words", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ImageInTeamsAndPlainText_CarriesTheAltText()
    {
        var card = new Card("KPIs", [new CardImage(Url, "Gráfico: Interacciones por canal. Teléfono 2.")], []);

        var image = AdaptiveCardRenderer.Render(card)["body"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["type"] == "Image");
        Assert.Equal((Url.AbsoluteUri, "Gráfico: Interacciones por canal. Teléfono 2."), ((string?)image["url"], (string?)image["altText"]));
        Assert.Contains("Gráfico: Interacciones por canal. Teléfono 2.", PlainTextRenderer.Render(card), StringComparison.Ordinal);
    }

    [Fact]
    public void WithAltTextsInstead_MessageWithPictures_KeepsEveryOtherBlockAndSaysEachPicture()
    {
        var message = new JsonObject
        {
            ["text"] = "KPIs",
            ["blocks"] = BlockKitRenderer.Render(new Card("KPIs", [new CardText("Interactions: 3"), new CardImage(Url, "Chart: Interactions by rep. Ana <3>.")], [])),
        };

        var textOnly = BlockKitImages.WithAltTextsInstead(message);

        Assert.True(BlockKitImages.Carries(message));
        Assert.False(BlockKitImages.Carries(textOnly));
        Assert.Equal(message["blocks"]!.AsArray().Count, textOnly["blocks"]!.AsArray().Count);
        Assert.Contains("Chart: Interactions by rep. Ana &lt;3&gt;.", textOnly.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Empty(BlockKitChecks.Check(textOnly["blocks"]!.AsArray(), BlockKitLimits.MessageBlocks));
        Assert.Equal("image", (string?)message["blocks"]![2]!["type"]);
    }
}
