using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Keeps a rendered card within what Teams accepts: a post in a channel fails above about 28 KB, and a card refused by
/// Teams is an answer lost. A card that is too big is shortened visibly instead — its plain-text fallback first, then
/// long texts, then the last lines of its body — and says how much was left out. Inputs and buttons are never
/// dropped, so a shortened form still works.
/// </summary>
public static class AdaptiveCardSizeBudget
{
    /// <summary>The most a card may take, serialized: 28 KB less room for the activity around it (addressing, summary).</summary>
    public const int MaxCardBytes = 24 * 1024;

    /// <summary>The longest text or fact value a shortened card keeps, in characters.</summary>
    public const int MaxTextLength = 1500;

    /// <summary>The longest plain-text fallback a shortened card keeps (only clients that cannot render cards read it).</summary>
    public const int MaxFallbackLength = 1000;

    public static JsonObject Fit(Card card, Func<Card, JsonObject> render, int maxBytes = MaxCardBytes)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(render);
        var whole = render(card);
        if (Fits(whole, maxBytes))
            return whole;

        var lines = card.Body.Sum(CountLines);
        JsonObject Shortened(int kept)
        {
            var json = render(Keep(card, kept, lines));
            json["fallbackText"] = Shorten((string?)json["fallbackText"] ?? string.Empty, MaxFallbackLength);
            return json;
        }

        // The largest number of body lines (kept from the top) that fits; 0 always stays as the last resort.
        var (low, high) = (0, lines);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(Shortened(middle), maxBytes))
                low = middle;
            else
                high = middle - 1;
        }
        return Shortened(low);
    }

    /// <summary>Measured as it goes on the wire (<see cref="Protocol.BotFrameworkJson"/>: accented text as UTF-8, not escaped).</summary>
    private static bool Fits(JsonObject json, int maxBytes) => Encoding.UTF8.GetByteCount(json.ToJsonString(Protocol.BotFrameworkJson.Options)) <= maxBytes;

    /// <summary>Texts, headings and single facts count as lines; inputs are not lines (they are always kept).</summary>
    private static int CountLines(CardBlock block) => block switch
    {
        CardFacts facts => facts.Facts.Count,
        CardText or CardSection => 1,
        _ => 0,
    };

    /// <summary>The card with its first <paramref name="kept"/> lines (long ones cut), its inputs, and a note of what was left out.</summary>
    private static Card Keep(Card card, int kept, int lines)
    {
        var body = new List<CardBlock>();
        var left = kept;
        foreach (var block in card.Body)
        {
            switch (block)
            {
                case CardFacts facts:
                    var shown = facts.Facts.Take(Math.Max(left, 0))
                        .Select(f => new CardFact(Shorten(f.Label, 200), Shorten(f.Value, MaxTextLength)))
                        .ToList();
                    left -= shown.Count;
                    if (shown.Count > 0)
                        body.Add(new CardFacts(shown));
                    break;
                case CardText text:
                    if (left-- > 0)
                        body.Add(text with { Text = Shorten(text.Text, MaxTextLength) });
                    break;
                case CardSection section:
                    if (left-- > 0)
                        body.Add(new CardSection(Shorten(section.Heading, 200)));
                    break;
                default:
                    body.Add(block);
                    break;
            }
        }
        var omitted = lines - kept;
        body.Add(new CardText(omitted > 0
            ? $"✂ Shortened to fit Teams: {omitted} more line{(omitted == 1 ? string.Empty : "s")} not shown, and long texts cut (…). Narrow the request to see the rest."
            : "✂ Shortened to fit Teams: long texts are cut (…).", TextEmphasis.Warning));
        return card with { Title = Shorten(card.Title, 200), Subtitle = card.Subtitle is { } subtitle ? Shorten(subtitle, 200) : null, Body = body };
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
