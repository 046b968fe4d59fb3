using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// Works out what a turn asks for — a card action, a command on a named customer, the next answer in a dialog, a pick
/// from a choice list, or a typed command — and runs the registered handler. Knows no feature by name.
/// </summary>
public sealed class TurnRouter(CommandRegistry registry, IServiceProvider services, IUnknownCommandAnswer unknown)
{
    public async Task<DialogState?> RouteAsync(TurnContext context, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
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

        if (turn.Action is { } action && registry.Action(action.Verb) is { } handler)
        {
            await ((ICardAction)services.GetRequiredService(handler.Handler)).HandleAsync(context);
            return handler.SettlesChoice ? state.Settled() : state;
        }
        if (turn.Action is { } press && registry.Command(press.Verb) is { Spec.NamesCustomer: true } pressed)
        {
            // A button names its customer: a pending choice list is settled; a dialog in progress stays.
            var pending = state.IsChoice() && state!.Step == press.Verb ? state.Summary : null;
            return await RunAsync(context, pressed, pending, state.Settled());
        }

        var command = registry.Parse(turn.Text);
        if (command is { Spec.WorksMidDialog: true })
            return await RunAsync(context, registry.Command(command.Verb)!, command.Argument, state);
        if (state is not null && registry.Dialog(state.Dialog) is { } dialog)
            return await ((IChatDialog)services.GetRequiredService(dialog.Handler)).ContinueAsync(context, state);
        if (state.IsChoice() && context.ChosenCustomer is not null && registry.Command(state!.Step) is { } chosen)
            return await RunAsync(context, chosen, state.Summary, state: null);

        if (turn.Action is not null)
        {
            context.Say("That card belongs to a conversation that has ended. Type \"help\" to see what I can do.",
                "Esa tarjeta es de una conversación que ya terminó. Escribe \"ayuda\" para ver lo que sé hacer.");
            return null;
        }
        // No dialog, or a choice not taken: the message is a new command.
        if (command is null)
        {
            context.GroupSafe = true;
            unknown.Answer(context);
            return null;
        }
        return await RunAsync(context, registry.Command(command.Verb)!, command.Argument, state: null);
    }

    /// <summary>Whether a failed save of this turn is worth one more run (see <see cref="ICardAction.RetriesAfterConflict"/>).</summary>
    public bool RetriesAfterConflict(IncomingTurn turn) =>
        turn?.Action is { } action && registry.Action(action.Verb) is { } handler && handler.RetriesAfterConflict(action);

    private async Task<DialogState?> RunAsync(TurnContext context, CommandRegistration command, string? argument, DialogState? state)
    {
        if (command.Spec.PersonalChatOnly && context.Turn.IsShared)
        {
            context.GroupSafe = true;
            context.Say(SharedConversationReplies.PersonalChatOnly(command.Spec.Verb));
            return state;
        }
        context.GroupSafe = command.Spec.GroupSafe;
        return await ((IChatCommand)services.GetRequiredService(command.Handler)).RunAsync(context, argument, state);
    }
}
