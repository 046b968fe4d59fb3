using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>A typed command (or a button running it on a named customer). Registered with <c>AddChatCommand&lt;T&gt;()</c>.</summary>
public interface IChatCommand
{
    static abstract CommandSpec Spec { get; }

    /// <summary>
    /// Runs the command. <paramref name="argument"/> is what followed the command's word, or, for a button or a choice,
    /// what the command said before the choice was shown. Returns the dialog state to keep: <paramref name="state"/>
    /// as it was, a new one (a dialog begun, a choice awaited) or null to end it.
    /// </summary>
    Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state);
}
