using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Features.Help;

/// <summary>"cancel" ends the dialog in progress, whatever its step, without saving anything from it.</summary>
public sealed class CancelCommand : IChatCommand
{
    public static CommandSpec Spec { get; } = new("cancel", ["cancel", "stop"], ["cancelar"]) { WorksMidDialog = true };

    public Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (state is null)
            context.Say("There is nothing to cancel.", "No hay nada que cancelar.");
        else
            context.Say("Cancelled. Nothing from that dialog was saved.", "Cancelado. No se guardó nada de ese diálogo.");
        return Task.FromResult<DialogState?>(null);
    }
}
