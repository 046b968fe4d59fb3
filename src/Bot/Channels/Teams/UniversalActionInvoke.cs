using ChatCrm.Bot.Features.Customers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Answers the <c>adaptiveCard/action</c> invoke that an <c>Action.Execute</c> press sends. The verb and data go
/// through the same <see cref="ConversationEngine"/> as typed commands and <c>Action.Submit</c> presses; the turn's
/// replies come back in the HTTP answer instead of being posted: the last card replaces the pressed one in place
/// (a dialog's next step, or its read-only confirmation, so a second press has nothing left to press), and a turn
/// that only says something answers with that text, leaving the card as it was (a missing input, a refusal).
/// Replies before the last card are posted to the conversation as usual.
/// </summary>
public static class UniversalActionInvoke
{
    public const string Name = "adaptiveCard/action";
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static async Task<IResult> HandleAsync(Activity activity, ConversationEngine engine, TeamsResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(engine);
        if (ReadAction(activity.Value) is not { } action)
            return Answer(StatusCodes.Status400BadRequest, ErrorType, new JsonObject
            {
                ["code"] = "BadRequest",
                ["message"] = "The invoke's value lacks an Action.Execute with a verb.",
            });

        var turn = TeamsTurnMapper.ToTurn(activity) with { Text = null, Action = action };
        var collected = new CollectingResponder(responder);
        await engine.HandleAsync(turn, collected, cancellationToken);

        var replies = collected.Replies;
        var lastCard = replies.Select((r, i) => (r, i)).LastOrDefault(x => x.r.Card is not null);
        if (lastCard.r?.Card is null && action.Verb == CustomerCards.RefreshVerb)
        {
            // A refresh must answer with a card (the reader's view): someone without access gets one saying so.
            var language = LocalizedText.LanguageFor(turn.Locale);
            var noAccess = CustomerCards.NoAccess(string.Join(" ", replies.Select(r => r.Text)), language);
            return Answer(StatusCodes.Status200OK, CardType, AdaptiveCardRenderer.Render(noAccess));
        }
        if (lastCard.r?.Card is not { } card)
            return Answer(StatusCodes.Status200OK, MessageType, JsonValue.Create(string.Join("\n\n", replies.Select(r => r.Text))));

        try
        {
            foreach (var other in replies.Where((_, i) => i != lastCard.i))
                await responder.SendAsync(other, cancellationToken);
        }
        catch (ReplyDeliveryException)
        {
            // The card still answers the press; the connector client has logged the refusal.
        }
        return Answer(StatusCodes.Status200OK, CardType, await responder.RenderAsync(card, cancellationToken));
    }

    /// <summary><c>value = {action: {type: "Action.Execute", verb, data}, trigger}</c>; the inputs are merged into <c>data</c>.</summary>
    private static CardAction? ReadAction(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return null;
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            return TeamsTurnMapper.ReadAction(data, verb);
        return string.IsNullOrWhiteSpace(verb) ? null : new CardAction(verb, new Dictionary<string, string>());
    }

    /// <summary>The invoke's HTTP status is always 200; the outcome is told by the body's own status and type.</summary>
    private static IResult Answer(int statusCode, string type, JsonNode? value) =>
        Results.Json(new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value }, statusCode: StatusCodes.Status200OK);

    /// <summary>Keeps the turn's replies for the HTTP answer; the typing indicator still goes to the conversation.</summary>
    private sealed class CollectingResponder(ITurnResponder conversation) : ITurnResponder
    {
        private readonly List<OutgoingMessage> _replies = [];

        public IReadOnlyList<OutgoingMessage> Replies => _replies;

        public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            _replies.Add(message);
            return Task.CompletedTask;
        }

        public Task SendTypingAsync(CancellationToken cancellationToken) => conversation.SendTypingAsync(cancellationToken);
    }
}
