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
        var button = card.Buttons.FirstOrDefault(b => ((string?)b["title"])?.StartsWith(buttonTitleStart, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"No button starting '{buttonTitleStart}' on the last card: {string.Join(", ", card.Buttons.Select(b => (string?)b["title"]))}");
        var value = (JsonObject)button["data"]!.DeepClone();
        foreach (var (input, text) in inputs)
            value[input] = text;
        return PostAsync(TeamsActivities.Message(connector.ServiceUrl, ConversationId, User, text: null, value));
    }

    public async Task<Turn> PostAsync(JsonObject activity)
    {
        var before = connector.Activities.Count;
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
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
