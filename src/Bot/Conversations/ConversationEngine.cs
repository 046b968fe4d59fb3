using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChatCrm.Bot.Logging;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// The channel-neutral heart of ChatCrm: takes one turn, works out what the user wants (a command, a card
/// action, or the next answer in a dialog), saves the turn's changes and its replies (written into the outbox) in one
/// transaction, then delivers the replies.
/// Teams and Slack adapters call it with their own <see cref="ITurnResponder"/>.
/// </summary>
public sealed partial class ConversationEngine(
    ChatUserDirectory directory,
    DialogStateStore dialogs,
    TurnRouter router,
    CrmDbContext db,
    TurnRateLimit limit,
    ConversationTurnGate gate,
    TurnReplies replies,
    ILogger<ConversationEngine> logger)
{
    public async Task HandleAsync(IncomingTurn turn, ITurnResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // The conversation's earlier turns first, replies included, so answers arrive in the order the messages did.
        using var inOrder = await gate.EnterAsync(turn.ConversationKey, cancellationToken);
        await using var typingResponder = replies.Around(responder, cancellationToken);

        var answers = LimitReached(turn) is { } limited ? TurnAnswers.Direct(limited) : await HandleTurnAsync(turn, responder, cancellationToken);
        await replies.SendAsync(answers.Staged, Arrange(turn, answers.Unsaved), typingResponder, cancellationToken);
    }

    /// <summary>What of the answers a shared conversation may see, and what goes to the sender alone (<see cref="SharedConversationReplies"/>).</summary>
    private IEnumerable<OutgoingMessage> Arrange(IncomingTurn turn, IReadOnlyList<OutgoingMessage> answers) =>
        SharedConversationReplies.Arrange(turn, answers, limit.LanguageOf(turn.UserKey) ?? LocalizedText.LanguageFor(turn.Locale));

    /// <summary>
    /// The answer instead of the turn when the person is past <see cref="TurnRateLimit"/>: a polite notice the first time
    /// in a window, nothing after; null when the turn may run. A card's automatic refresh is not a turn they took.
    /// </summary>
    private IReadOnlyList<OutgoingMessage>? LimitReached(IncomingTurn turn)
    {
        if (turn.Action?.Verb == CustomerCards.RefreshVerb)
            return null;
        switch (limit.Take(turn.UserKey))
        {
            case TurnAllowance.RefusedWithNotice:
                LogLimited(logger, turn.ConversationKey);
                var language = limit.LanguageOf(turn.UserKey) ?? LocalizedText.LanguageFor(turn.Locale);
                return [OutgoingMessage.Say(language.Pick(
                    "You're sending messages faster than I can keep up with, so I've paused for a moment. Please wait a minute and send that again.",
                    "Me estás enviando mensajes más rápido de lo que puedo atender, así que he hecho una pausa. Espera un minuto y vuelve a enviarlo, por favor.")) with { OnlyForSender = true }];
            case TurnAllowance.RefusedQuietly:
                return [];
            default:
                return null;
        }
    }

    /// <summary>How many times a message that lost a race with another instance's turn is run again on fresh state.</summary>
    private const int RerunsAfterConflict = 2;

    /// <summary>
    /// Everything of a turn but sending: find the user, route, and save the changes together with the answers written into
    /// the outbox. Any failure becomes a polite answer, sent directly (nothing was saved).
    /// </summary>
    private async Task<TurnAnswers> HandleTurnAsync(IncomingTurn turn, ITurnResponder responder, CancellationToken cancellationToken, int reruns = 0)
    {
        // A turn that already committed part of its work (it saved mid-way) is never run again: that part would be doubled.
        var savedMidTurn = false;
        void NoteSave(object? sender, SavedChangesEventArgs e) => savedMidTurn = true;
        db.SavedChanges += NoteSave;
        try
        {
            var user = await directory.IdentifyAsync(turn, cancellationToken);
            if (user is null && directory.Refusal is { } refusal)
                return TurnAnswers.Direct([OutgoingMessage.Say(refusal.Text.In(LocalizedText.LanguageFor(turn.Locale ?? refusal.Locale))) with { OnlyForSender = true }]);
            if (user is null)
                return TurnAnswers.Direct([OutgoingMessage.Say(AccessRefusals.NotInDirectory.In(LocalizedText.LanguageFor(turn.Locale))) with { GroupSafe = true }]);
            if (!user.IsActive)
                return TurnAnswers.Direct([OutgoingMessage.Say(AccessRefusals.Deactivated.In(LocalizedText.LanguageFor(turn.Locale ?? user.Locale))) with { GroupSafe = true }]);

            var context = new TurnContext(turn, user, cancellationToken);
            limit.Remember(turn.UserKey, context.Language);
            var state = await dialogs.LoadAsync(turn, cancellationToken);
            if (dialogs.Expired is { } expired)
                context.Say(
                    $"Your unfinished \"{expired.Dialog}\"{(expired.CustomerName is { } name ? $" with {name}" : string.Empty)} was dropped (left too long, or from an older version); nothing from it was saved.",
                    $"Tu \"{expired.Dialog}\" sin terminar{(expired.CustomerName is { } nombre ? $" con {nombre}" : string.Empty)} se descartó (se dejó demasiado tiempo, o era de una versión anterior); no se guardó nada de él.");
            var next = await router.RouteAsync(context, state);
            dialogs.Stage(turn, next);
            var arranged = Arrange(turn, context.Replies).ToList();
            var staged = await replies.StageAsync(responder, turn.ConversationKey, arranged, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return staged is null ? TurnAnswers.Direct(context.Replies) : new TurnAnswers([], staged);
        }
        catch (DbUpdateException) when (reruns == 0 && turn.Action is not null && router.RetriesAfterConflict(turn))
        {
            // Two presses of one form crossed (two instances, a quick double tap): the other one stored it. Run the turn
            // again, which finds what was stored and answers with it.
            db.ChangeTracker.Clear();
            return await HandleTurnAsync(turn, responder, cancellationToken, reruns + 1);
        }
        catch (DbUpdateConcurrencyException) when (turn.Action is null && !savedMidTurn && reruns < RerunsAfterConflict)
        {
            // A message whose conversation another instance moved on meanwhile (a second line sent quickly, with no
            // affinity between instances): nothing of it was stored, so run it again on the state that turn left.
            LogRerun(logger, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return await HandleTurnAsync(turn, responder, cancellationToken, reruns + 1);
        }
        catch (DbUpdateException)
        {
            // Two presses that change the same thing crossed (a concurrency token or a key), or a message lost its race
            // more than twice: nothing of it was applied, and the person is told so.
            LogConcurrentTurn(logger, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([Say(turn, "That crossed with another change to the same thing made at the same moment, so I didn't act on it. Please try again.",
                "Eso se cruzó con otro cambio de lo mismo hecho en el mismo momento, así que no lo he aplicado. Inténtalo de nuevo, por favor.")]);
        }
        catch (DomainRuleException problem)
        {
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([OutgoingMessage.Say(problem.Message)]);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The per-turn error hook: log (never the message text) and answer politely; nothing half-done is saved.
            LogTurnFailed(logger, failure, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([Say(turn, "Sorry, something went wrong on my side and I couldn't finish that. Nothing was half-saved; please try again in a moment.",
                "Lo siento, algo ha fallado por mi parte y no he podido terminarlo. No se ha guardado nada a medias; inténtalo de nuevo en un momento.")]);
        }
        finally
        {
            db.SavedChanges -= NoteSave;
        }
    }

    /// <summary>A reply for a turn whose user is not known yet: in the language of the turn's locale.</summary>
    private static OutgoingMessage Say(IncomingTurn turn, string english, string spanish) =>
        OutgoingMessage.Say(LocalizedText.LanguageFor(turn.Locale).Pick(english, spanish)) with { GroupSafe = true };

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn in {ConversationKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, LoggedText conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} was not run: its sender is past the turn limit")]
    private static partial void LogLimited(ILogger logger, LoggedText conversationKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "A message in {ConversationKey} crossed with another instance's turn; running it again on fresh state")]
    private static partial void LogRerun(ILogger logger, LoggedText conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} crossed with another one; it was not applied")]
    private static partial void LogConcurrentTurn(ILogger logger, LoggedText conversationKey);
}
