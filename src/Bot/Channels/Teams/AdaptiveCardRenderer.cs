using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Renders a channel-neutral <see cref="Card"/> as an Adaptive Card 1.5 (the highest version every Teams client
/// renders), within the size a Teams post accepts (<see cref="AdaptiveCardSizeBudget"/>). Buttons are Universal
/// Actions (<c>Action.Execute</c>: the press comes back as an <c>adaptiveCard/action</c> invoke whose answer replaces
/// the card), each with an <c>Action.Submit</c> fallback for older clients, whose press comes back as a message
/// activity with the data as its <c>value</c>. Both carry the verb in their data, so either way reads the same.
/// Every text Teams reads as Markdown is escaped (<see cref="AdaptiveCardMarkdown"/>): what people typed stays text.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    public const string VerbKey = "verb";

    /// <summary>Teams asks for a refreshed card for at most this many people of a conversation.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <param name="card">The card.</param>
    /// <param name="refreshUserIds">
    /// Who should get their own view of a card with a <see cref="Card.Refresh"/> (Teams ids "29:…" of the conversation's
    /// members, at most <see cref="MaxRefreshUserIds"/>). Null: the card carries no refresh (in a personal chat the one
    /// reader already sees their own view). Empty: a refresh without <c>userIds</c>, which Teams runs for every reader of
    /// a conversation of up to 60 people and offers as a button in larger ones (a roster not known, a card inserted from
    /// the compose box into a conversation the bot cannot list).
    /// </param>
    public static JsonObject Render(Card card, IReadOnlyList<string>? refreshUserIds = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var json = AdaptiveCardSizeBudget.Fit(card, RenderAsIs);
        if (card.Refresh is { } refresh && refreshUserIds is not null)
        {
            var execute = RenderAction("Action.Execute", refresh);
            execute["verb"] = refresh.Verb;
            var refreshJson = new JsonObject { ["action"] = execute };
            if (refreshUserIds.Count > 0)
                refreshJson["userIds"] = new JsonArray(refreshUserIds.Take(MaxRefreshUserIds).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
            json["refresh"] = refreshJson;
        }
        return json;
    }

    /// <summary>The card exactly as it is, whatever its size.</summary>
    internal static JsonObject RenderAsIs(Card card)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = AdaptiveCardMarkdown.Escape(card.Title), ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true },
        };
        if (card.Subtitle is { } subtitle)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = AdaptiveCardMarkdown.Escape(subtitle), ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true });
        foreach (var block in card.Body)
            body.Add(RenderBlock(block));

        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = PlainTextRenderer.Render(card),
            ["body"] = body,
        };
        if (card.Buttons.Count + card.Links.Count > 0)
        {
            result["actions"] = new JsonArray(card.Buttons.Select(RenderButton)
                .Concat(card.Links.Select(l => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = l.Title, ["url"] = l.Url.AbsoluteUri }))
                .ToArray<JsonNode?>());
        }
        return result;
    }

    private static JsonObject RenderBlock(CardBlock block) => block switch
    {
        CardText text => RenderText(text),
        CardSection section => new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = AdaptiveCardMarkdown.Escape(section.Heading), ["weight"] = "Bolder", ["separator"] = true, ["spacing"] = "Medium", ["wrap"] = true,
        },
        CardFacts facts => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(facts.Facts.Select(f => (JsonNode?)new JsonObject { ["title"] = AdaptiveCardMarkdown.Escape(f.Label), ["value"] = AdaptiveCardMarkdown.Escape(f.Value) }).ToArray()),
        },
        CardTextInput input => RenderTextInput(input),
        CardDateInput date => RenderDateInput(date),
        CardChoiceInput choice => RenderChoiceInput(choice),
        CardImage image => new JsonObject
        {
            ["type"] = "Image", ["url"] = image.Url.AbsoluteUri, ["altText"] = image.AltText, ["size"] = "Stretch", ["spacing"] = "Medium",
        },
        CardButtonRow row => new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. row.Buttons.Select(b => (JsonNode)RenderButton(b))]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No Adaptive Card rendering for this block."),
    };

    private static JsonObject RenderText(CardText text)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = AdaptiveCardMarkdown.Escape(text.Text), ["wrap"] = true };
        switch (text.Emphasis)
        {
            case TextEmphasis.Subtle:
                node["isSubtle"] = true;
                break;
            case TextEmphasis.Strong:
                node["weight"] = "Bolder";
                break;
            case TextEmphasis.Warning:
                node["color"] = "Attention";
                break;
        }
        return node;
    }

    private static JsonObject RenderTextInput(CardTextInput input)
    {
        var node = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = input.Id,
            ["label"] = input.Label,
            ["isMultiline"] = input.IsMultiline,
            ["maxLength"] = input.MaxLength,
            ["isRequired"] = input.IsRequired,
        };
        if (input.IsRequired)
            node["errorMessage"] = input.ErrorMessage ?? $"{input.Label} is required.";
        if (input.Placeholder is { } placeholder)
            node["placeholder"] = placeholder;
        if (!string.IsNullOrEmpty(input.Value))
            node["value"] = input.Value.Length <= input.MaxLength ? input.Value : input.Value[..input.MaxLength];
        return node;
    }

    private static JsonObject RenderDateInput(CardDateInput date)
    {
        var node = new JsonObject { ["type"] = "Input.Date", ["id"] = date.Id, ["label"] = date.Label };
        if (date.Value is { } value)
            node["value"] = value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (date.IsRequired)
        {
            node["isRequired"] = true;
            node["errorMessage"] = date.ErrorMessage ?? $"{date.Label} is required.";
        }
        return node;
    }

    private static JsonObject RenderChoiceInput(CardChoiceInput choice)
    {
        var node = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = choice.Id,
            ["label"] = choice.Label,
            ["style"] = "compact",
            ["isMultiSelect"] = false,
            ["choices"] = new JsonArray(choice.Choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
            ["isRequired"] = choice.IsRequired,
        };
        if (choice.IsRequired)
            node["errorMessage"] = choice.ErrorMessage ?? $"{choice.Label} is required.";
        if (choice.Value is { } value && choice.Choices.Any(c => c.Value == value))
            node["value"] = value;
        return node;
    }

    private static JsonObject RenderButton(CardButton button)
    {
        var execute = RenderAction("Action.Execute", button);
        execute["verb"] = button.Verb;
        execute["fallback"] = RenderAction("Action.Submit", button);
        return execute;
    }

    private static JsonObject RenderAction(string type, CardButton button)
    {
        var data = new JsonObject { [VerbKey] = button.Verb };
        foreach (var (key, value) in button.Data)
            data[key] = value;
        var action = new JsonObject { ["type"] = type, ["title"] = button.Title, ["data"] = data };
        if (!button.SubmitsInputs)
            action["associatedInputs"] = "none";
        return action;
    }
}
