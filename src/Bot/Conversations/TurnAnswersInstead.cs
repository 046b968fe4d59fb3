using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Logging;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// The answers a turn gets instead of running: past the turn limit, from someone ChatCrm does not let in, or after a
/// failure (a crossed change, an error on our side). Kept apart from <see cref="ConversationEngine"/> so the core reads
/// as the turn's lifecycle alone.
/// </summary>
public sealed partial class TurnAnswersInstead(TurnRateLimit limit, ILogger<TurnAnswersInstead> logger)
{
    /// <summary>
    /// The answer instead of the turn when the person is past <see cref="TurnRateLimit"/>: a polite notice the first time
    /// in a window, nothing after; null when the turn may run. A card's automatic refresh is not a turn they took.
    /// </summary>
    public IReadOnlyList<OutgoingMessage>? LimitReached(IncomingTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Action?.Verb == CustomerCards.RefreshVerb)
            return null;
        switch (limit.Take(turn.UserKey))
        {
            case TurnAllowance.RefusedWithNotice:
                LogLimited(logger, turn.ConversationKey);
                return [OutgoingMessage.Say(LanguageOf(turn).Pick(
                    "You're sending messages faster than I can keep up with, so I've paused for a moment. Please wait a minute and send that again.",
                    "Me estás enviando mensajes más rápido de lo que puedo atender, así que he hecho una pausa. Espera un minuto y vuelve a enviarlo, por favor.")) with { OnlyForSender = true }];
            case TurnAllowance.RefusedQuietly:
                return [];
            default:
                return null;
        }
    }

    /// <summary>The language to answer the turn's sender in: the one they last spoke, else the turn's locale.</summary>
    public LanguageCode LanguageOf(IncomingTurn turn) => limit.LanguageOf(turn.UserKey) ?? LocalizedText.LanguageFor(turn.Locale);

    /// <summary>Keeps the language of the sender's turn, for a notice that must not read the database.</summary>
    public void RememberLanguage(IncomingTurn turn, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(turn);
        limit.Remember(turn.UserKey, language);
    }

    /// <summary>The refusal for a sender ChatCrm does not let in: a refused link, someone not in the directory, or a deactivated user.</summary>
    public static OutgoingMessage Refusal(IncomingTurn turn, User? user, LinkRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (user is null && refusal is not null)
            return OutgoingMessage.Say(refusal.Text.In(LocalizedText.LanguageFor(turn.Locale ?? refusal.Locale))) with { OnlyForSender = true };
        if (user is null)
            return OutgoingMessage.Say(AccessRefusals.NotInDirectory.In(LocalizedText.LanguageFor(turn.Locale))) with { GroupSafe = true };
        return OutgoingMessage.Say(AccessRefusals.Deactivated.In(LocalizedText.LanguageFor(turn.Locale ?? user.Locale))) with { GroupSafe = true };
    }

    /// <summary>Two changes to the same thing crossed (a concurrency token or a key), or a message lost its race too often: nothing was applied.</summary>
    public OutgoingMessage Crossed(IncomingTurn turn)
    {
        LogConcurrentTurn(logger, turn.ConversationKey);
        return Say(turn, "That crossed with another change to the same thing made at the same moment, so I didn't act on it. Please try again.",
            "Eso se cruzó con otro cambio de lo mismo hecho en el mismo momento, así que no lo he aplicado. Inténtalo de nuevo, por favor.");
    }

    /// <summary>The per-turn error hook: logs (never the message text) and answers politely; nothing half-done was saved.</summary>
    public OutgoingMessage Failed(IncomingTurn turn, Exception failure)
    {
        LogTurnFailed(logger, failure, turn.ConversationKey);
        return Say(turn, "Sorry, something went wrong on my side and I couldn't finish that. Nothing was half-saved; please try again in a moment.",
            "Lo siento, algo ha fallado por mi parte y no he podido terminarlo. No se ha guardado nada a medias; inténtalo de nuevo en un momento.");
    }

    /// <summary>A reply for a turn whose user may not be known yet: in the language of the turn's locale.</summary>
    private static OutgoingMessage Say(IncomingTurn turn, string english, string spanish) =>
        OutgoingMessage.Say(LocalizedText.LanguageFor(turn.Locale).Pick(english, spanish)) with { GroupSafe = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} was not run: its sender is past the turn limit")]
    private static partial void LogLimited(ILogger logger, LoggedText conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} crossed with another one; it was not applied")]
    private static partial void LogConcurrentTurn(ILogger logger, LoggedText conversationKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn in {ConversationKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, LoggedText conversationKey);
}
