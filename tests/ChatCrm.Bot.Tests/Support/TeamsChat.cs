using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// One person's 1:1 chat with the bot, driven as a transcript: send a line or press a card button, get back
/// what the bot posted to the (fake) Bot Connector in answer.
/// </summary>
public sealed class TeamsChat(HttpClient http, FakeBotConnector connector, TeamsUser user, string conversationId)
{
    public TeamsUser User { get; } = user;

    /// <summary>The locale the client sends (<c>locale</c> and client info); null keeps the default, "es-ES".</summary>
    public string? Locale { get; set; }

    /// <summary>This chat with the client set to <paramref name="locale"/> (e.g. "en-US" for English answers).</summary>
    public TeamsChat In(string locale)
    {
        Locale = locale;
        return this;
    }

    private JsonObject Localize(JsonObject activity)
    {
        if (Locale is { } locale)
        {
            activity["locale"] = locale;
            if (activity["entities"]?[0] is JsonObject clientInfo)
                clientInfo["locale"] = locale;
        }
        return activity;
    }

    public string ConversationId { get; } = conversationId;

    /// <summary>The last card the bot showed in this chat.</summary>
    public CapturedActivity? LastCard { get; private set; }

    public Task<Turn> SendAsync(string text) => PostAsync(TeamsActivities.Message(connector.ServiceUrl, ConversationId, User, text));

    /// <summary>Presses a button of the last card, as Teams does for Action.Submit: a message whose value is the button's data plus the inputs.</summary>
    public Task<Turn> PressAsync(string buttonTitleStart, params (string Input, string Value)[] inputs) =>
        PressOnAsync(LastCard ?? throw new InvalidOperationException("The bot has not shown a card yet."), buttonTitleStart, inputs);

    /// <summary>Presses a button of a given (possibly older) card.</summary>
    public Task<Turn> PressOnAsync(CapturedActivity card, string buttonTitleStart, params (string Input, string Value)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(card);
        // An old client presses the Action.Submit fallback, which carries the same data.
        var button = FindButton(card, buttonTitleStart);
        var value = (JsonObject)(button["fallback"] ?? button)["data"]!.DeepClone();
        foreach (var (input, text) in inputs)
            value[input] = text;
        return PostAsync(TeamsActivities.Message(connector.ServiceUrl, ConversationId, User, text: null, value));
    }

    /// <summary>
    /// Presses a button of the last card as a Universal Actions client does: an <c>adaptiveCard/action</c> invoke whose
    /// <c>action.data</c> is the button's data plus the inputs. The invoke's answer (a replacing card, or a message)
    /// is checked against the protocol and the schema, and joins the turn's messages as the user would see it.
    /// </summary>
    public Task<Turn> ExecuteAsync(string buttonTitleStart, params (string Input, string Value)[] inputs) =>
        ExecuteOnAsync(LastCard ?? throw new InvalidOperationException("The bot has not shown a card yet."), buttonTitleStart, inputs);

    public async Task<Turn> ExecuteOnAsync(CapturedActivity card, string buttonTitleStart, params (string Input, string Value)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(card);
        var button = FindButton(card, buttonTitleStart);
        Assert.Equal("Action.Execute", (string?)button["type"]);
        var data = (JsonObject)button["data"]!.DeepClone();
        foreach (var (input, text) in inputs)
            data[input] = text;
        var invoke = TeamsActivities.Invoke(connector.ServiceUrl, ConversationId, User, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = (string?)button["id"], ["verb"] = (string?)button["verb"], ["data"] = data },
            ["trigger"] = "manual",
        });
        var before = connector.Activities.Count;
        using var response = await http.PostAsJsonAsync("/api/messages", Localize(invoke));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        LastInvokeAnswer = answer;
        var posted = connector.Activities.Skip(before).Where(a => a.ConversationId == ConversationId).ToList();
        var shown = (string?)answer["type"] switch
        {
            "application/vnd.microsoft.card.adaptive" => new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = answer["value"]!.DeepClone() }),
            },
            "application/vnd.microsoft.activity.message" => new JsonObject { ["type"] = "message", ["text"] = (string?)answer["value"] },
            _ => null,
        };
        if (shown?["attachments"]?[0]?["content"] is JsonObject replacing)
        {
            Assert.Empty(AdaptiveCardSchema.Problems(replacing));
            Assert.True(AdaptiveCardSchema.SizeInBytes(replacing) <= AdaptiveCardSchema.MaxActivityBytes);
        }
        if (shown is not null)
            posted.Add(new CapturedActivity(shown, ConversationId, ReplyToId: null));
        var turn = new Turn(response.StatusCode, posted);
        if (turn.Messages.LastOrDefault(m => m.Card is not null) is { } last)
            LastCard = last;
        return turn;
    }

    /// <summary>The body of the last invoke's answer: <c>{statusCode, type, value}</c>.</summary>
    public JsonObject? LastInvokeAnswer { get; private set; }

    private static JsonObject FindButton(CapturedActivity card, string buttonTitleStart) =>
        card.Buttons.FirstOrDefault(b => ((string?)b["title"])?.StartsWith(buttonTitleStart, StringComparison.Ordinal) == true)
        ?? throw new InvalidOperationException($"No button starting '{buttonTitleStart}' on the card: {string.Join(", ", card.Buttons.Select(b => (string?)b["title"]))}");

    public async Task<Turn> PostAsync(JsonObject activity)
    {
        var before = connector.Activities.Count;
        using var response = await http.PostAsJsonAsync("/api/messages", Localize(activity));
        var posted = connector.Activities.Skip(before).Where(a => a.ConversationId == ConversationId).ToList();
        var turn = new Turn(response.StatusCode, posted);
        if (turn.Messages.LastOrDefault(m => m.Card is not null) is { } card)
            LastCard = card;
        return turn;
    }
}

/// <summary>What one turn produced: the HTTP status of /api/messages and the activities the bot posted.</summary>
public sealed record Turn(HttpStatusCode Status, IReadOnlyList<CapturedActivity> Posted)
{
    public IReadOnlyList<CapturedActivity> Messages => Posted.Where(a => a.Type == "message").ToList();

    /// <summary>All the text of the turn's messages, one after another.</summary>
    public string Text => string.Join("\n", Messages.Select(m => m.Text));

    public Turn ShouldSay(params string[] fragments)
    {
        Assert.Equal(HttpStatusCode.OK, Status);
        Assert.NotEmpty(Messages);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, Text, StringComparison.Ordinal);
        return this;
    }
}
