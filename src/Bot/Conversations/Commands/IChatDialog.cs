using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>A multi-turn dialog: the next message goes to it while its state says it is in progress.</summary>
public interface IChatDialog
{
    /// <summary>The <see cref="DialogState.Dialog"/> it stores and answers to.</summary>
    static abstract string DialogName { get; }

    Task<DialogState?> ContinueAsync(TurnContext context, DialogState state);
}
