namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>
/// A press on a card button (or a form submitted) that is not a plain command: an answer, a confirmation, a case step.
/// Registered with <c>AddCardAction&lt;T&gt;()</c>. A dialog in progress stays as it was.
/// </summary>
public interface ICardAction
{
    /// <summary>The verbs of the buttons it answers.</summary>
    static abstract IReadOnlyList<string> ActionVerbs { get; }

    /// <summary>Whether a pending choice list is settled by the press (the choice is dropped) rather than kept.</summary>
    static virtual bool SettlesChoice => false;

    /// <summary>
    /// Whether a press that lost a race with another save (two instances, a double tap) is run once more, because the
    /// action itself recognises what the other press stored and answers with it.
    /// </summary>
    static virtual bool RetriesAfterConflict(CardAction action) => false;

    Task HandleAsync(TurnContext context);
}
