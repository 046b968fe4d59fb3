using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// Text people typed (a customer's name, a summary) reaches a Teams card as text: Markdown in it makes no link, no
/// bold and no list, and a web address in it is not turned into a link; our own links stay buttons.
/// </summary>
public sealed partial class CardMarkdownTests : BotTestBase
{
    private const string Hostile = "[Acme](http://evil.example) **VIP**";

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync(Hostile, "_Acme_ `Ibérica` www.evil.example", email: "maria.nunez@acme.es", owner: ana);
    }

    [Fact]
    public async Task Find_CustomerWithMarkdownInItsName_TheCardShowsItAsText()
    {
        var turn = await App.Chat(Connector, CrmData.Ana).SendAsync("find maria.nunez@acme.es");

        var card = Assert.Single(turn.Messages, m => m.Card is not null).Card!;
        var texts = MarkdownTexts(card["body"]).ToList();
        Assert.Contains(texts, t => t.Contains(@"\[Acme\](http:" + "\u200B" + "//evil.example) \\*\\*VIP\\*\\*", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => UnescapedMarkdown().IsMatch(t) || t.Contains("://", StringComparison.Ordinal) || t.Contains("www.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[click](http://evil.example)", "\\[click\\](http:\u200B//evil.example)")]
    [InlineData("**bold** _it_ `code` ~~gone~~", @"\*\*bold\*\* \_it\_ \`code\` \~\~gone\~\~")]
    [InlineData("- one\n2. two\n+ three", "\\- one\n2\\. two\n\\+ three")]
    [InlineData("visit www.evil.example", "visit www\u200B.evil.example")]
    [InlineData(@"C:\temp (ñ) — 3-4", @"C:\\temp (ñ) — 3-4")]
    [InlineData("Plain text, accents and 10.5 %", "Plain text, accents and 10.5 %")]
    public void Escape_Markdown_IsShownAsWritten(string text, string expected) =>
        Assert.Equal(expected, AdaptiveCardMarkdown.Escape(text));

    [Fact]
    public void Render_EveryTextTeamsReadsAsMarkdown_IsEscapedButLinksStayButtons()
    {
        var card = new Card(Hostile, [new CardText(Hostile), new CardSection(Hostile), new CardFacts([new CardFact(Hostile, Hostile)])], [])
        {
            Subtitle = Hostile,
            Links = [new CardLink("Download", new Uri("https://crm.example.com/exports/abc"))],
        };

        var json = AdaptiveCardRenderer.Render(card);

        var texts = MarkdownTexts(json["body"]).ToList();
        Assert.Equal(6, texts.Count);
        Assert.All(texts, t => Assert.False(UnescapedMarkdown().IsMatch(t) || t.Contains("://", StringComparison.Ordinal), t));
        Assert.Equal("https://crm.example.com/exports/abc", (string?)json["actions"]![0]!["url"]);
    }

    /// <summary>The texts of TextBlocks and the titles and values of facts.</summary>
    private static IEnumerable<string> MarkdownTexts(JsonNode? node) => node switch
    {
        JsonObject { } o when (string?)o["type"] == "TextBlock" => [(string)o["text"]!],
        JsonObject { } o when (string?)o["type"] == "FactSet" => o["facts"]!.AsArray().SelectMany(f => new[] { (string)f!["title"]!, (string)f["value"]! }),
        JsonObject { } o => o.SelectMany(p => MarkdownTexts(p.Value)),
        JsonArray a => a.SelectMany(MarkdownTexts),
        _ => [],
    };

    /// <summary>A mark not preceded by a backslash: [, ], *, _, ` or ~.</summary>
    [GeneratedRegex(@"(?<!\\)[\[\]*_`~]")]
    private static partial Regex UnescapedMarkdown();
}
