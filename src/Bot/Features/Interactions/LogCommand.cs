using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>"log [customer]" starts the step-by-step dialog; "log form [customer]" shows the whole form instead.</summary>
public sealed class LogCommand(LogInteractionDialog dialog, LogFormSubmission form) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Log, ["log"], ["registrar"]) { NamesCustomer = true };

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        if (!LogForm.IsFormRequest(argument, out var customerText))
            return await dialog.BeginAsync(context, argument);
        await form.OpenAsync(context, customerText);
        return state;
    }
}
