using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Features.Help;

/// <summary>"help" lists what the user's role may do; it works at any step of a dialog and leaves the dialog as it was.</summary>
public sealed class HelpCommand : IChatCommand
{
    public static CommandSpec Spec { get; } = new("help", ["help", "?"], ["ayuda"]) { WorksMidDialog = true, GroupSafe = true };

    public Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Show(HelpCards.Help(role: context.User.Role, language: context.Language));
        return Task.FromResult(state);
    }
}
