using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Logging;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

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
    ConversationTurnGate gate,
    TurnReplies replies,
    TurnAnswersInstead instead,
    ILogger<ConversationEngine> logger)
{
    /// <summary>How many times a message that lost a race with another instance's turn is run again on fresh state.</summary>
    private const int RerunsAfterConflict = 2;

    public async Task HandleAsync(IncomingTurn turn, ITurnResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // The conversation's earlier turns first, replies included, so answers arrive in the order the messages did.
        using var inOrder = await gate.EnterAsync(turn.ConversationKey, cancellationToken);
        await using var typingResponder = replies.Around(responder, cancellationToken);

        var answers = instead.LimitReached(turn) is { } limited ? TurnAnswers.Direct(limited) : await HandleTurnAsync(turn, responder, cancellationToken);
        await replies.SendAsync(answers.Staged, Arrange(turn, answers.Unsaved), typingResponder, cancellationToken);
    }

    /// <summary>What of the answers a shared conversation may see, and what goes to the sender alone (<see cref="SharedConversationReplies"/>).</summary>
    private IEnumerable<OutgoingMessage> Arrange(IncomingTurn turn, IReadOnlyList<OutgoingMessage> answers) =>
        SharedConversationReplies.Arrange(turn, answers, instead.LanguageOf(turn));

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
            if (user is not { IsActive: true })
                return TurnAnswers.Direct([TurnAnswersInstead.Refusal(turn, user, directory.Refusal)]);

            var context = new TurnContext(turn, user, cancellationToken);
            instead.RememberLanguage(turn, context.Language);
            var state = await dialogs.LoadAsync(turn, cancellationToken);
            dialogs.TellIfExpired(context);
            var next = await router.RouteAsync(context, state);
            dialogs.Stage(turn, next);
            var staged = await replies.StageAsync(responder, turn.ConversationKey, Arrange(turn, context.Replies).ToList(), cancellationToken);
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
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([instead.Crossed(turn)]);
        }
        catch (DomainRuleException problem)
        {
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([OutgoingMessage.Say(problem.Message)]);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            return TurnAnswers.Direct([instead.Failed(turn, failure)]);
        }
        finally
        {
            db.SavedChanges -= NoteSave;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A message in {ConversationKey} crossed with another instance's turn; running it again on fresh state")]
    private static partial void LogRerun(ILogger logger, LoggedText conversationKey);
}
