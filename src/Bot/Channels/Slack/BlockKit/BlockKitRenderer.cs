using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// Renders the channel-neutral <see cref="Card"/> as Block Kit blocks, within every limit Slack enforces: text is cut
/// visibly ("…"), facts are spread over sections of ten fields, buttons over actions blocks of 25, and a card with
/// more blocks than the surface allows keeps its title and buttons and says how many body blocks were left out.
/// Slack therefore never rejects what ChatCrm sends; at worst the reader sees that something was shortened.
/// </summary>
public static class BlockKitRenderer
{
    /// <summary>The prefix of every button's <c>action_id</c> (links use <see cref="LinkActionPrefix"/>).</summary>
    public const string ButtonActionPrefix = "btn-";
    public const string LinkActionPrefix = "link-";

    public static JsonArray Render(Card card, BlockSurface surface = BlockSurface.Message)
    {
        ArgumentNullException.ThrowIfNull(card);
        var head = new List<JsonObject> { Header(card.Title) };
        if (!string.IsNullOrWhiteSpace(card.Subtitle))
            head.Add(Context(card.Subtitle));
        var body = card.Body.SelectMany((block, index) => Body(block, index)).ToList();
        var tail = Tail(card);

        var limit = BlockKitLimits.Blocks(surface);
        if (head.Count + body.Count + tail.Count > limit)
        {
            // The title and the buttons matter most; the body gives way, and says so.
            if (tail.Count > limit - head.Count - 1)
                tail = tail.Take(Math.Max(0, limit - head.Count - 1)).ToList();
            var room = limit - head.Count - tail.Count - 1;
            var left = body.Count - room;
            body = body.Take(room).ToList();
            body.Add(Context($"{left} more block{(left == 1 ? string.Empty : "s")} not shown: Slack shows at most {limit} here."));
        }
        return new JsonArray([.. head, .. body, .. tail]);
    }

    /// <summary>The message's top-level <c>text</c>: what notifications and screen readers show.</summary>
    public static string NotificationText(string text) => BlockKitText.FitMarkdown(string.IsNullOrWhiteSpace(text) ? "ChatCrm" : text, BlockKitLimits.MessageText);

    private static IEnumerable<JsonObject> Body(CardBlock block, int index) => block switch
    {
        CardButtonRow row => ButtonRow(row, index),
        CardText { Emphasis: TextEmphasis.Subtle } text => [Context(text.Text)],
        CardText { Emphasis: TextEmphasis.Strong } text => [Section("*" + BlockKitText.FitMarkdown(NonEmpty(text.Text), BlockKitLimits.SectionText - 2) + "*")],
        CardText { Emphasis: TextEmphasis.Warning } text => [Section(":warning: " + BlockKitText.FitMarkdown(NonEmpty(text.Text), BlockKitLimits.SectionText - 10))],
        CardText text => [Section(BlockKitText.FitMarkdown(NonEmpty(text.Text), BlockKitLimits.SectionText))],
        CardFacts facts => facts.Facts.Chunk(BlockKitLimits.SectionFields).Select(FactsSection),
        CardSection section => [Section("*" + BlockKitText.FitMarkdown(NonEmpty(section.Heading), BlockKitLimits.SectionText - 2) + "*")],
        CardImage image => [Image(image)],
        CardTextInput input => [TextInput(input)],
        CardDateInput input => [ModalBlocks.Input(input.Id, input.Label, new JsonObject { ["type"] = "datepicker", ["action_id"] = ModalBlocks.Identifier(input.Id) }, optional: true)],
        _ => [],
    };

    private static List<JsonObject> Tail(Card card)
    {
        var leftOut = 0;
        var elements = Buttons(card.Buttons, i => ButtonActionPrefix + i, ref leftOut);
        for (var i = 0; i < card.Links.Count; i++)
        {
            var link = card.Links[i];
            if (link.Url.AbsoluteUri.Length > BlockKitLimits.ButtonUrl)
            {
                leftOut++;
                continue;
            }
            elements.Add(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = LinkActionPrefix + i,
                ["text"] = BlockKitText.Plain(link.Title, BlockKitLimits.ButtonText),
                ["url"] = link.Url.AbsoluteUri,
            });
        }
        return [.. ActionBlocks(elements, leftOut)];
    }

    /// <summary>
    /// A body-level row of buttons as an <c>actions</c> block (at most 25 elements each); action ids carry the block's
    /// position (<c>btn-r{block}-{i}</c>) so they never clash with another row's or the card buttons' (<c>btn-{i}</c>).
    /// </summary>
    private static IEnumerable<JsonObject> ButtonRow(CardButtonRow row, int blockIndex)
    {
        var leftOut = 0;
        var elements = Buttons(row.Buttons, i => string.Create(CultureInfo.InvariantCulture, $"{ButtonActionPrefix}r{blockIndex}-{i}"), ref leftOut);
        return ActionBlocks(elements, leftOut);
    }

    /// <summary>Button elements; one whose value would be longer than Slack allows is left out and counted.</summary>
    private static List<JsonObject> Buttons(IReadOnlyList<CardButton> buttons, Func<int, string> actionId, ref int leftOut)
    {
        var elements = new List<JsonObject>();
        for (var i = 0; i < buttons.Count; i++)
        {
            var value = ButtonValue.Encode(buttons[i].Verb, buttons[i].Data);
            if (value.Length > BlockKitLimits.ButtonValue)
            {
                leftOut++;
                continue;
            }
            elements.Add(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId(i),
                ["text"] = BlockKitText.Plain(buttons[i].Title, BlockKitLimits.ButtonText),
                ["value"] = value,
            });
        }
        return elements;
    }

    /// <summary>Elements in <c>actions</c> blocks of at most 25, and a context line saying what was left out.</summary>
    private static IEnumerable<JsonObject> ActionBlocks(List<JsonObject> elements, int leftOut)
    {
        foreach (var chunk in elements.Chunk(BlockKitLimits.ActionsElements))
            yield return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) };
        if (leftOut > 0)
            yield return Context($"{leftOut} button{(leftOut == 1 ? " was" : "s were")} left out: too large for Slack.");
    }

    private static JsonObject Header(string title) =>
        new() { ["type"] = "header", ["text"] = BlockKitText.Plain(title, BlockKitLimits.HeaderText) };

    private static JsonObject Section(string markdown) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown } };

    private static JsonObject Context(string text) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(BlockKitText.Markdown(text, BlockKitLimits.SectionText)) };

    private static JsonObject FactsSection(CardFact[] facts) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject
        {
            ["type"] = "mrkdwn",
            ["text"] = FactText(f),
        })]),
    };

    /// <summary>"*Label*" on one line and the value below, the whole within a field's 2000 characters.</summary>
    private static string FactText(CardFact fact)
    {
        var label = "*" + BlockKitText.FitMarkdown(NonEmpty(fact.Label), 200) + "*\n";
        return label + BlockKitText.FitMarkdown(NonEmpty(fact.Value), BlockKitLimits.FieldText - label.Length);
    }

    /// <summary>An <c>image</c> block; an address longer than Slack takes is left out and its alt text said instead.</summary>
    private static JsonObject Image(CardImage image) => image.Url.AbsoluteUri.Length > BlockKitLimits.ImageUrl
        ? Context(image.AltText)
        : new JsonObject
        {
            ["type"] = "image",
            ["image_url"] = image.Url.AbsoluteUri,
            ["alt_text"] = BlockKitText.Fit(NonEmpty(image.AltText), BlockKitLimits.ImageAltText),
        };

    private static JsonObject TextInput(CardTextInput input)
    {
        var element = ModalBlocks.TextInput(input.Id, input.Placeholder, input.IsMultiline);
        element["max_length"] = Math.Clamp(input.MaxLength, 1, BlockKitLimits.PlainTextInputMax);
        return ModalBlocks.Input(input.Id, input.Label, element, optional: !input.IsRequired);
    }

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "-" : text;
}
