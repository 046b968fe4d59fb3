using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// The Adaptive Card rendering against the official 1.5 schema and Teams' size limit. Validity depends only on how
/// each kind of block and button is rendered, so one card with every kind proves the shapes; the transcripts
/// (through <see cref="FakeBotConnector"/>) check every card actually sent with real data as well.
/// </summary>
public sealed class AdaptiveCardRenderingTests
{
    private static readonly Card EveryKind = new(
        "Núñez & Hijos — **every** kind of block",
        [
            new CardText("Plain text with `markdown`, accents (ñ, ç) and an emoji ✅"),
            new CardText("subtle", TextEmphasis.Subtle),
            new CardText("strong", TextEmphasis.Strong),
            new CardText("warning", TextEmphasis.Warning),
            new CardSection("A section"),
            new CardFacts([new CardFact("E-mail", "ana@example.com"), new CardFact("Phone", "+34 600 123 456")]),
            new CardFacts([]),
            new CardTextInput("summary", "Summary", 2000, IsMultiline: true) { Placeholder = "What was it about?" },
            new CardTextInput("outcome", "Outcome", 500, IsRequired: false),
            new CardDateInput("followUp", "Follow-up date"),
            new CardChoiceInput("kind", "Kind", [new CardChoice("Call", "Call"), new CardChoice("Visit", "Visit")]) { Value = "Call" },
            new CardImage(new Uri("https://chatcrm.example/charts/abc.png"), "Chart: Interactions by rep. Ana 3."),
            new CardButtonRow([CardButton.For("Accept", "offer-answer", ("presentationId", "p1"), ("response", "Accepted")),
                CardButton.For("Decline", "offer-answer", ("presentationId", "p1"), ("response", "Declined"))]),
        ],
        [
            CardButton.For("Offers", "offers", ("customerId", Guid.NewGuid().ToString())),
            new CardButton("Save", "followUp", new Dictionary<string, string>()) { SubmitsInputs = true },
        ])
    {
        Subtitle = "Distribuciones Núñez",
        Links = [new CardLink("Download", new Uri("https://chatcrm.example/export/abc?x=1"))],
    };

    [Fact]
    public void Render_CardWithEveryKindOfBlockAndButton_IsValidAgainstTheSchema()
    {
        var blockKinds = typeof(CardBlock).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CardBlock)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(blockKinds, EveryKind.Body.Select(b => b.GetType()).ToHashSet());

        var json = AdaptiveCardRenderer.Render(EveryKind);

        Assert.Empty(AdaptiveCardSchema.Problems(json));
        Assert.Equal("1.5", (string?)json["version"]);
    }

    [Fact]
    public void Render_ButtonRow_IsAnActionSetOfUniversalActionsWithSubmitFallback()
    {
        var json = AdaptiveCardRenderer.Render(EveryKind);
        var set = json["body"]!.AsArray().Single(b => (string?)b!["type"] == "ActionSet")!.AsObject();
        var accept = set["actions"]!.AsArray()[0]!.AsObject();

        Assert.Equal(2, set["actions"]!.AsArray().Count);
        Assert.Equal("Action.Execute", (string?)accept["type"]);
        Assert.Equal("offer-answer", (string?)accept["verb"]);
        Assert.Equal("Accepted", (string?)accept["data"]!["response"]);
        Assert.Equal("Action.Submit", (string?)accept["fallback"]!["type"]);
        Assert.True(JsonNode.DeepEquals(accept["data"], accept["fallback"]!["data"]));
    }

    [Fact]
    public void Problems_CardWithUnknownProperty_AreReported()
    {
        // The check itself must be able to fail: the official schema is strict about unknown properties.
        var json = AdaptiveCardRenderer.Render(EveryKind);
        json["body"]![0]!["colour"] = "red";

        Assert.NotEmpty(AdaptiveCardSchema.Problems(json));
    }

    public static TheoryData<string, Card> EveryCard()
    {
        var data = new TheoryData<string, Card>();
        foreach (var (name, card) in CardCatalogue.All())
            data.Add(name, card);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_CardBuilders_AreValidAndSmall(string name, Card card)
    {
        var json = AdaptiveCardRenderer.Render(card);

        Assert.True(AdaptiveCardSchema.Problems(json).Count == 0, $"{name}: {string.Join("; ", AdaptiveCardSchema.Problems(json))}");
        Assert.True(AdaptiveCardSchema.SizeInBytes(json) <= AdaptiveCardSizeBudget.MaxCardBytes, name);
    }

    [Fact]
    public void Render_Button_IsUniversalActionWithSubmitFallbackCarryingTheSameData()
    {
        var json = AdaptiveCardRenderer.Render(EveryKind);
        var offers = json["actions"]!.AsArray()[0]!.AsObject();

        Assert.Equal("Action.Execute", (string?)offers["type"]);
        Assert.Equal("offers", (string?)offers["verb"]);
        Assert.Equal("none", (string?)offers["associatedInputs"]);
        var fallback = offers["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.True(JsonNode.DeepEquals(offers["data"], fallback["data"]));
        Assert.Equal("offers", (string?)fallback["data"]![AdaptiveCardRenderer.VerbKey]);
        var save = json["actions"]!.AsArray()[1]!.AsObject();
        Assert.Null(save["associatedInputs"]);
    }

    [Fact]
    public void Render_CardOverTheSizeLimit_IsShortenedVisiblyKeepingInputsAndButtons()
    {
        var facts = Enumerable.Range(1, 400).Select(i => new CardFact($"Line {i}", new string('é', 150))).ToList();
        var big = EveryKind with { Body = [new CardText("First line stays."), new CardFacts(facts), .. EveryKind.Body] };
        Assert.True(AdaptiveCardSchema.SizeInBytes(AdaptiveCardRenderer.RenderAsIs(big)) > AdaptiveCardSchema.MaxActivityBytes);

        var json = AdaptiveCardRenderer.Render(big);
        var text = json.ToJsonString();

        Assert.True(AdaptiveCardSchema.SizeInBytes(json) <= AdaptiveCardSizeBudget.MaxCardBytes);
        Assert.Empty(AdaptiveCardSchema.Problems(json));
        Assert.Contains("First line stays.", text, StringComparison.Ordinal);
        Assert.Contains("Shortened to fit Teams", text, StringComparison.Ordinal);
        Assert.Contains("more lines not shown", text, StringComparison.Ordinal);
        Assert.Equal(4, json["body"]!.AsArray().Count(b => ((string?)b!["type"])!.StartsWith("Input.", StringComparison.Ordinal)));
        Assert.Equal(3, json["actions"]!.AsArray().Count);
    }

    [Fact]
    public void Render_OneHugeText_IsCutWithAnEllipsis()
    {
        var card = new Card("Long", [new CardText(new string('a', 60_000))], []);

        var json = AdaptiveCardRenderer.Render(card);

        Assert.True(AdaptiveCardSchema.SizeInBytes(json) <= AdaptiveCardSizeBudget.MaxCardBytes);
        var first = (string)json["body"]![1]!["text"]!;
        Assert.Equal(AdaptiveCardSizeBudget.MaxTextLength, first.Length);
        Assert.EndsWith("…", first, StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardSchema.Problems(json));
    }

    [Fact]
    public void Render_CardUnderTheLimit_IsNotShortened()
    {
        var json = AdaptiveCardRenderer.Render(EveryKind);

        Assert.DoesNotContain("Shortened", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(EveryKind.Body.Count + 2, json["body"]!.AsArray().Count);
    }
}
