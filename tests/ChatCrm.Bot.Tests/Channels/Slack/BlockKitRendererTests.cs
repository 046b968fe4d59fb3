using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Tests.Support;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>Each Block Kit limit: content beyond it is cut visibly or moved, never sent in a form Slack would reject.</summary>
public sealed class BlockKitRendererTests
{
    private static Card Card(IReadOnlyList<CardBlock> body, IReadOnlyList<CardButton>? buttons = null, string title = "Customer") =>
        new(title, body, buttons ?? []);

    private static JsonArray Render(Card card, BlockSurface surface = BlockSurface.Message)
    {
        var blocks = BlockKitRenderer.Render(card, surface);
        Assert.Empty(BlockKitChecks.Check(blocks, BlockKitLimits.Blocks(surface)));
        return blocks;
    }

    private static string TextOf(JsonNode? block) => (string?)block?["text"]?["text"] ?? string.Empty;

    [Fact]
    public void Render_TitleOver150_IsCutWithAnEllipsis()
    {
        var blocks = Render(Card([], title: new string('T', 400)));

        var header = TextOf(blocks[0]);
        Assert.Equal(150, header.Length);
        Assert.EndsWith("…", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextOver3000_IsCutVisibly()
    {
        var blocks = Render(Card([new CardText(new string('a', 5000))]));

        var text = TextOf(blocks[1]);
        Assert.Equal(3000, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkupCharacters_AreEscapedAndNeverCutMidEntity()
    {
        var blocks = Render(Card([new CardText("<!channel> & " + new string('<', 2000))]));

        var text = TextOf(blocks[1]);
        Assert.StartsWith("&lt;!channel&gt; &amp; ", text, StringComparison.Ordinal);
        Assert.Matches("(&lt;)+…$", text);
        Assert.True(text.Length <= 3000);
    }

    [Fact]
    public void Render_TwentyFiveFacts_AreSpreadOverSectionsOfTen()
    {
        var facts = Enumerable.Range(1, 25).Select(i => new CardFact($"Label {i}", $"Value {i}")).ToList();

        var blocks = Render(Card([new CardFacts(facts)]));

        var sections = blocks.Where(b => b?["fields"] is not null).Select(b => b!["fields"]!.AsArray().Count).ToList();
        Assert.Equal([10, 10, 5], sections);
    }

    [Fact]
    public void Render_FactValueOver2000_IsCutWithinTheField()
    {
        var blocks = Render(Card([new CardFacts([new CardFact("Notes", new string('n', 4000))])]));

        var field = (string?)blocks[1]?["fields"]?[0]?["text"] ?? string.Empty;
        Assert.Equal(2000, field.Length);
        Assert.StartsWith("*Notes*\n", field, StringComparison.Ordinal);
        Assert.EndsWith("…", field, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ButtonTitleOver75_IsCut()
    {
        var blocks = Render(Card([], [CardButton.For(new string('B', 100), "find", ("customerId", "1"))]));

        var text = (string?)blocks[^1]?["elements"]?[0]?["text"]?["text"] ?? string.Empty;
        Assert.Equal(75, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ButtonValueOver2000_LeavesTheButtonOutAndSaysSo()
    {
        var blocks = Render(Card([], [CardButton.For("Huge", "find", ("data", new string('d', 2100))), CardButton.For("Small", "find", ("customerId", "1"))]));

        var buttons = blocks.Where(b => (string?)b?["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Single(buttons);
        Assert.Equal("Small", (string?)buttons[0]?["text"]?["text"]);
        Assert.Contains(blocks, b => (string?)b?["type"] == "context" && b!["elements"]![0]!["text"]!.ToString().Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ThirtyButtons_AreSplitIntoActionsBlocksOf25()
    {
        var buttons = Enumerable.Range(1, 30).Select(i => CardButton.For($"#{i}", "find", ("customerId", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var blocks = Render(Card([], buttons));

        Assert.Equal([25, 5], blocks.Where(b => (string?)b?["type"] == "actions").Select(b => b!["elements"]!.AsArray().Count));
    }

    [Theory]
    [InlineData(BlockSurface.Message, 50)]
    [InlineData(BlockSurface.Home, 100)]
    public void Render_MoreBlocksThanTheSurfaceAllows_KeepsTitleAndButtonsAndCountsWhatWasLeftOut(BlockSurface surface, int limit)
    {
        var body = Enumerable.Range(1, 150).Select(i => (CardBlock)new CardText($"Line {i}")).ToList();

        var blocks = Render(Card(body, [CardButton.For("Log", "log", ("customerId", "1"))]), surface);

        Assert.Equal(limit, blocks.Count);
        Assert.Equal("header", (string?)blocks[0]?["type"]);
        Assert.Equal("actions", (string?)blocks[^1]?["type"]);
        var notice = blocks[^2]!["elements"]![0]!["text"]!.ToString();
        Assert.Contains($"{150 - (limit - 3)} more blocks not shown", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ButtonRowsInTheBody_BecomeActionsBlocksInPlaceWithIdsUnlikeTheCardButtons()
    {
        CardButtonRow Row(string offer) => new([CardButton.For("Accept", "offer-answer", ("presentationId", offer), ("response", "Accepted")),
            CardButton.For("Decline", "offer-answer", ("presentationId", offer), ("response", "Declined"))]);

        var blocks = Render(Card([new CardText("Offer A"), Row("a"), new CardText("Offer B"), Row("b")], [CardButton.For("Last", "last", ("customerId", "1"))]));

        Assert.Equal(["header", "section", "actions", "section", "actions", "actions"], blocks.Select(b => (string?)b?["type"]));
        var decoded = ButtonValue.Decode((string?)blocks[4]!["elements"]![1]!["value"]);
        Assert.Equal("offer-answer", decoded?.Verb);
        Assert.Equal("b", decoded?.Data["presentationId"]);
        Assert.Equal("Declined", decoded?.Data["response"]);
    }

    [Fact]
    public void Render_ButtonRowOfThirtyWithOneTooLarge_IsSplitInto25AndTheRestAndSaysWhatWasLeftOut()
    {
        var buttons = Enumerable.Range(1, 30).Select(i => CardButton.For($"#{i}", "x", ("n", i == 30 ? new string('d', 2100) : "1"))).ToList();

        var blocks = Render(Card([new CardButtonRow(buttons)]));

        Assert.Equal([25, 4], blocks.Where(b => (string?)b?["type"] == "actions").Select(b => b!["elements"]!.AsArray().Count));
        Assert.Contains("1 button was left out", blocks[^1]!["elements"]![0]!["text"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Inputs_BecomeInputBlocksKeyedByTheCardInputId()
    {
        var blocks = Render(Card([new CardTextInput("summary", "Summary", 4000, IsMultiline: true), new CardDateInput("followUp", "Follow-up")]));

        Assert.Equal("summary", (string?)blocks[1]?["block_id"]);
        Assert.Equal("summary", (string?)blocks[1]?["element"]?["action_id"]);
        Assert.Equal(3000, (int?)blocks[1]?["element"]?["max_length"]);
        Assert.Equal("datepicker", (string?)blocks[2]?["element"]?["type"]);
    }

    [Fact]
    public void ButtonValue_RoundTrip_GivesBackVerbAndData()
    {
        var value = ButtonValue.Encode("last", new Dictionary<string, string> { ["customerId"] = "42" });

        var decoded = ButtonValue.Decode(value);

        Assert.Equal("last", decoded?.Verb);
        Assert.Equal("42", decoded?.Data["customerId"]);
        Assert.Null(ButtonValue.Decode("not-json"));
        Assert.Null(ButtonValue.Decode("{\"x\":1}"));
    }
}
