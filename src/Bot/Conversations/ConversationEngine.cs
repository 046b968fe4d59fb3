using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Admin;
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
    HistoryJob history,
    OffersJob offers,
    OfferAnswerJob offerAnswers,
    OfferSuggestionsJob offerSuggestions,
    ExportCustomerJob export,
    EraseCustomerJob erase,
    DuplicatesJob duplicates,
    PrivacyPreferencesJob privacy,
    CasesJob cases,
    DigestCommandJob digests,
    KpisJob kpis,
    CaseWorkJob caseWork,
    AdminJob admin,
    AdminMapJob adminMap,
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
    private async Task<IReadOnlyList<OutgoingMessage>> HandleTurnAsync(IncomingTurn turn, CancellationToken cancellationToken, bool retried = false)
    {
        try
        {
            var user = await directory.IdentifyAsync(turn, cancellationToken);
            if (user is null)
                return [OutgoingMessage.Say(AccessRefusals.NotInDirectory.In(LocalizedText.LanguageFor(turn.Locale)))];
            if (!user.IsActive)
                return [OutgoingMessage.Say(AccessRefusals.Deactivated.In(LocalizedText.LanguageFor(turn.Locale ?? user.Locale)))];

            var context = new TurnContext(turn, user, cancellationToken);
            var state = await dialogs.LoadAsync(turn, cancellationToken);
            if (dialogs.Expired is { } expired)
                context.Say(
                    $"Your unfinished \"{expired.Dialog}\"{(expired.CustomerName is { } name ? $" with {name}" : string.Empty)} was dropped (left too long, or from an older version); nothing from it was saved.",
                    $"Tu \"{expired.Dialog}\" sin terminar{(expired.CustomerName is { } nombre ? $" con {nombre}" : string.Empty)} se descartó (se dejó demasiado tiempo, o era de una versión anterior); no se guardó nada de él.");
            var next = await RouteAsync(context, state);
            dialogs.Stage(turn, next);
            await db.SaveChangesAsync(cancellationToken);
            return context.Replies;
        }
        catch (DbUpdateException) when (IsFirstTryOfForm(turn, retried))
        {
            // Two presses of one log form crossed (two instances, a quick double tap): the other one stored it. Run the
            // turn again, which finds the stored form and answers with its confirmation.
            db.ChangeTracker.Clear();
            return await HandleTurnAsync(turn, cancellationToken, retried: true);
        }
        catch (DbUpdateException)
        {
            // Another instance or a quick second message changed the same rows first (a concurrency token or a key).
            LogConcurrentTurn(logger, turn.ConversationKey);
            db.ChangeTracker.Clear();
            return [Say(turn, "Your previous message was still being handled when this one arrived, so I didn't act on it. Please send it again.",
                "Tu mensaje anterior aún se estaba atendiendo cuando llegó este, así que no lo he tenido en cuenta. Envíalo de nuevo, por favor.")];
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
            return [Say(turn, "Sorry, something went wrong on my side and I couldn't finish that. Nothing was half-saved; please try again in a moment.",
                "Lo siento, algo ha fallado por mi parte y no he podido terminarlo. No se ha guardado nada a medias; inténtalo de nuevo en un momento.")];
        }
    }

    private async Task<DialogState?> RouteAsync(TurnContext context, DialogState? state)
    {
        var turn = context.Turn;
        if (turn.Text is { Length: > IncomingTurn.MaxTextLength } tooLong)
        {
            context.Say($"That message is {tooLong.Length:N0} characters long; I can read up to {IncomingTurn.MaxTextLength:N0}. Please shorten it.",
                $"Ese mensaje tiene {tooLong.Length:N0} caracteres; puedo leer hasta {IncomingTurn.MaxTextLength:N0}. Acórtalo, por favor.");
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
        if (turn.Action is { Verb: LogForm.OpenVerb })
        {
            await logForm.OpenAsync(context, null);
            return state;
        }
        if (turn.Action is { Verb: CustomerCards.RefreshVerb })
        {
            // A card asking for this reader's own view of it (Teams refresh): no dialog is touched.
            await find.RefreshAsync(context);
            return state;
        }
        if (turn.Action is { Verb: OfferAnswerJob.Verb })
        {
            // An answer names its offer: recorded whatever dialog is in progress, which stays as it was.
            await offerAnswers.AnswerAsync(context);
            return state;
        }
        if (turn.Action is { Verb: OfferSuggestionsJob.DismissVerb })
        {
            await offerSuggestions.DismissAsync(context);
            return state;
        }
        if (turn.Action is { Verb: EraseCustomerJob.ConfirmVerb })
        {
            await erase.ConfirmAsync(context);
            return state?.Dialog == ChoiceDialog ? null : state;
        }
        if (turn.Action is { Verb: AdminMapJob.MoveVerb })
        {
            // An admin confirmed moving a chat account to another user; a dialog in progress stays.
            if (context.User.Role == Domain.Users.UserRole.Admin)
                await adminMap.ConfirmMoveAsync(context);
            else
                await admin.RunAsync(context, "map");
            return state;
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
            context.Say("That card belongs to a conversation that has ended. Type \"help\" to see what I can do.",
                "Esa tarjeta es de una conversación que ya terminó. Escribe \"ayuda\" para ver lo que sé hacer.");
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
                context.Show(HelpCards.Help(role: context.User.Role, language: context.Language));
                return state;
            case CommandName.Cancel:
                if (state is null)
                    context.Say("There is nothing to cancel.", "No hay nada que cancelar.");
                else
                    context.Say("Cancelled. Nothing from that dialog was saved.", "Cancelado. No se guardó nada de ese diálogo.");
                return null;
            case CommandName.Log when LogForm.IsFormRequest(argument, out var customerText):
                await logForm.OpenAsync(context, customerText);
                return state;
            case CommandName.Log:
                return await logDialog.BeginAsync(context, argument);
            case CommandName.History:
                return AwaitChoice(InteractionCards.HistoryVerb, await history.RunAsync(context, argument)) ?? state;
            case CommandName.Find:
                return AwaitChoice("find", await find.RunAsync(context, argument)) ?? state;
            case CommandName.Last:
                return AwaitChoice("last", await last.RunAsync(context, argument)) ?? state;
            case CommandName.Suggestions:
                await offerSuggestions.RunAsync(context);
                return state;
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
            case CommandName.Digest:
                await digests.RunAsync(context, argument);
                return state;
            case CommandName.Kpis:
                await kpis.RunAsync(context, argument);
                return state;
            case CommandName.Admin:
                await admin.RunAsync(context, argument);
                return state;
            case CommandName.Case when CaseWorkJob.LooksLikeNumber(argument):
                await caseWork.ShowAsync(context, argument);
                return state;
            case CommandName.Case:
                return AwaitChoice(CasesJob.OpenVerb, await cases.RunAsync(context, argument), argument) ?? state;
            default:
                context.Show(string.IsNullOrWhiteSpace(context.Turn.Text)
                    ? HelpCards.OnlyText(context.User.Role, context.Language)
                    : HelpCards.NotUnderstood(context.Turn.Text, context.User.Role, context.Language));
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
        [InteractionCards.HistoryVerb] = CommandName.History,
    };

    /// <summary>A reply for a turn whose user is not known yet: in the language of the turn's locale.</summary>
    private static OutgoingMessage Say(IncomingTurn turn, string english, string spanish) =>
        OutgoingMessage.Say(LocalizedText.LanguageFor(turn.Locale).Pick(english, spanish));

    private static bool IsFirstTryOfForm(IncomingTurn turn, bool retried) =>
        !retried && turn.Action is { Verb: LogForm.SubmitVerb } action && action.Value(LogForm.FormId) is not null;

    private static bool IsJobVerb(string verb) => JobVerbs.ContainsKey(verb);

    private static CommandName VerbToCommand(string verb) => JobVerbs.GetValueOrDefault(verb, CommandName.Find);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn in {ConversationKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in {ConversationKey} crossed with another one; it was not applied")]
    private static partial void LogConcurrentTurn(ILogger logger, string conversationKey);
}
