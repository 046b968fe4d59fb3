using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.Dialogs;
using ChatCrm.Bot.Conversations.Jobs;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// The channel-neutral heart of ChatCrm: takes one turn, works out what the user wants (a command, a card
/// action, or the next answer in a dialog), saves the turn's changes in one transaction, then replies.
/// Teams and Slack adapters call it with their own <see cref="ITurnResponder"/>.
/// </summary>
public sealed partial class ConversationEngine(
    ChatUserDirectory directory,
    DialogStateStore dialogs,
    LogInteractionDialog logDialog,
    LogFormSubmission logForm,
    FindCustomerJob find,
    LastConversationJob last,
    OffersJob offers,
    ExportCustomerJob export,
    EraseCustomerJob erase,
    DuplicatesJob duplicates,
    PrivacyPreferencesJob privacy,
    CasesJob cases,
    CaseWorkJob caseWork,
    CrmDbContext db,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ConversationEngine> logger)
{
    public async Task HandleAsync(IncomingTurn turn, ITurnResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var replies = new TypingIndicatorResponder(responder, options.Value.TypingIndicatorDelay, time, cancellationToken);

        foreach (var reply in await HandleTurnAsync(turn, cancellationToken))
            await replies.SendAsync(reply, cancellationToken);
    }

    /// <summary>Everything of a turn but sending: find the user, route, save. Any failure becomes a polite reply.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> HandleTurnAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            var user = await directory.FindAsync(turn, cancellationToken);
            if (user is null)
                return [OutgoingMessage.Say("You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you; they will need your name and work e-mail.")];

            var context = new TurnContext(turn, user, cancellationToken);
            var state = await dialogs.LoadAsync(turn, cancellationToken);
            if (dialogs.Expired is { } expired)
                context.Say($"Your unfinished \"{expired.Dialog}\"{(expired.CustomerName is { } name ? $" with {name}" : string.Empty)} was dropped (left too long, or from an older version); nothing from it was saved.");
            var next = await RouteAsync(context, state);
            dialogs.Stage(turn, next);
            await db.SaveChangesAsync(cancellationToken);
            return context.Replies;
        }
        catch (DbUpdateException)
        {
            // Another instance or a quick second message changed the same rows first (a concurrency token or a key).
            LogConcurrentTurn(logger, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return [OutgoingMessage.Say("Your previous message was still being handled when this one arrived, so I didn't act on it. Please send it again.")];
        }
        catch (DomainRuleException problem)
        {
            db.ChangeTracker.Clear();
            return [OutgoingMessage.Say(problem.Message)];
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The per-turn error hook: log (never the message text) and answer politely; nothing half-done is saved.
            LogTurnFailed(logger, failure, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return [OutgoingMessage.Say("Sorry, something went wrong on my side and I couldn't finish that. Nothing was half-saved; please try again in a moment.")];
        }
    }

    private async Task<DialogState?> RouteAsync(TurnContext context, DialogState? state)
    {
        var turn = context.Turn;
        if (turn.Text is { Length: > IncomingTurn.MaxTextLength } tooLong)
        {
            context.Say($"That message is {tooLong.Length:N0} characters long; I can read up to {IncomingTurn.MaxTextLength:N0}. Please shorten it.");
            return state;
        }

        // After a choice card, typing an entry's number picks it, as pressing its button would.
        if (state is { Candidates.Count: > 0 } && int.TryParse(turn.Text, out var number) && number >= 1 && number <= state.Candidates.Count)
            context.ChosenCustomer = new CustomerId(state.Candidates[number - 1]);

        var command = CommandParser.Parse(turn.Text);
        if (turn.Action is { Verb: DuplicatesJob.MergeVerb })
        {
            await duplicates.MergeAsync(context);
            return state?.Dialog == ChoiceDialog ? null : state;
        }
        if (turn.Action is { Verb: LogForm.SubmitVerb })
        {
            // A whole log form, checked when submitted: stored at once; a dialog in progress is left as it was.
            await logForm.SubmitAsync(context);
            return state;
        }
        if (turn.Action is { Verb: EraseCustomerJob.ConfirmVerb })
        {
            await erase.ConfirmAsync(context);
            return state?.Dialog == ChoiceDialog ? null : state;
        }
        if (CaseWorkJob.IsCaseAction(turn.Action))
        {
            // A case card's buttons name their case; a dialog in progress stays.
            await caseWork.RunActionAsync(context);
            return state?.Dialog == ChoiceDialog ? null : state;
        }
        if (turn.Action is { } action && IsJobVerb(action.Verb))
        {
            // A button names its customer: a pending choice list is settled; a log dialog in progress stays.
            var keep = state?.Dialog == ChoiceDialog ? null : state;
            var pending = state?.Dialog == ChoiceDialog && state.Step == action.Verb ? state.Summary : null;
            return await RunCommandAsync(context, VerbToCommand(action.Verb), pending, keep);
        }

        if (CommandParser.IsGlobal(command.Name))
            return await RunCommandAsync(context, command.Name, command.Argument, state);

        if (state?.Dialog == LogInteractionDialog.Name)
            return await logDialog.ContinueAsync(context, state);
        if (state?.Dialog == ChoiceDialog && context.ChosenCustomer is not null)
            return await RunCommandAsync(context, VerbToCommand(state.Step), state.Summary, state: null);

        if (turn.Action is not null)
        {
            context.Say("That card belongs to a conversation that has ended. Type \"help\" to see what I can do.");
            return null;
        }
        // No dialog, or a choice not taken: the message is a new command.
        return await RunCommandAsync(context, command.Name, command.Argument, state: null);
    }

    private async Task<DialogState?> RunCommandAsync(TurnContext context, CommandName command, string? argument, DialogState? state)
    {
        switch (command)
        {
            case CommandName.Help:
                context.Show(HelpCards.Help(role: context.User.Role));
                return state;
            case CommandName.Cancel:
                context.Say(state is null ? "There is nothing to cancel." : "Cancelled. Nothing from that dialog was saved.");
                return null;
            case CommandName.Log:
                return await logDialog.BeginAsync(context, argument);
            case CommandName.Find:
                return AwaitChoice("find", await find.RunAsync(context, argument)) ?? state;
            case CommandName.Last:
                return AwaitChoice("last", await last.RunAsync(context, argument)) ?? state;
            case CommandName.Offers:
                return AwaitChoice("offers", await offers.RunAsync(context, argument)) ?? state;
            case CommandName.Export:
                return AwaitChoice("export", await export.RunAsync(context, argument)) ?? state;
            case CommandName.Privacy:
                return AwaitChoice("privacy", await privacy.RunAsync(context, argument)) ?? state;
            case CommandName.Duplicates:
                return AwaitChoice("duplicates", await duplicates.RunAsync(context, argument)) ?? state;
            case CommandName.Erase:
                return AwaitChoice("erase", await erase.AskAsync(context, argument)) ?? state;
            case CommandName.Cases:
                await cases.QueueAsync(context);
                return state;
            case CommandName.Case when CaseWorkJob.LooksLikeNumber(argument):
                await caseWork.ShowAsync(context, argument);
                return state;
            case CommandName.Case:
                return AwaitChoice(CasesJob.OpenVerb, await cases.RunAsync(context, argument), argument) ?? state;
            default:
                context.Show(string.IsNullOrWhiteSpace(context.Turn.Text)
                    ? HelpCards.Help("I can only read text messages. Here is what I can do:", context.User.Role)
                    : HelpCards.NotUnderstood(context.Turn.Text, context.User.Role));
                return state;
        }
    }

    /// <summary>
    /// A choice card was shown: remember its entries so that the next message can pick one by number, and what else the
    /// command said (<paramref name="pending"/>, e.g. a case title) so that picking a customer does not lose it.
    /// </summary>
    private static DialogState? AwaitChoice(string verb, IReadOnlyList<Guid> choices, string? pending = null) =>
        choices.Count == 0 ? null : new DialogState(ChoiceDialog, verb) { Candidates = choices, Summary = pending };

    private const string ChoiceDialog = "choose";

    /// <summary>The verbs a button may send to run a job on the customer it names, and the command each one runs.</summary>
    private static readonly Dictionary<string, CommandName> JobVerbs = new(StringComparer.Ordinal)
    {
        ["find"] = CommandName.Find,
        ["log"] = CommandName.Log,
        ["last"] = CommandName.Last,
        ["offers"] = CommandName.Offers,
        ["export"] = CommandName.Export,
        ["erase"] = CommandName.Erase,
        ["duplicates"] = CommandName.Duplicates,
        ["privacy"] = CommandName.Privacy,
        [CasesJob.OpenVerb] = CommandName.Case,
    };

    private static bool IsJobVerb(string verb) => JobVerbs.ContainsKey(verb);

    private static CommandName VerbToCommand(string verb) => JobVerbs.GetValueOrDefault(verb, CommandName.Find);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn in {ConversationKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} crossed with another one; it was not applied")]
    private static partial void LogConcurrentTurn(ILogger logger, string conversationKey);
}
