namespace ChatCrm.Bot.Conversations.State;

/// <summary>
/// A choice card is waiting: the customers it listed, so that the next message can pick one by number (or a press on
/// one), and the verb of the command that asked, which then runs on the customer picked.
/// </summary>
public static class ChoiceDialog
{
    public const string Name = "choose";

    /// <summary>
    /// The state that awaits a choice among <paramref name="choices"/> for the command <paramref name="verb"/>, keeping
    /// what else the command said (<paramref name="pending"/>, e.g. a case title) so that picking does not lose it;
    /// null when no choice card was shown.
    /// </summary>
    public static DialogState? Await(string verb, IReadOnlyList<Guid> choices, string? pending = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return choices.Count == 0 ? null : new DialogState(Name, verb) { Candidates = choices, Summary = pending };
    }

    public static bool IsChoice(this DialogState? state) => state?.Dialog == Name;

    /// <summary>The state left after a choice is settled: a pending choice is dropped, any other dialog stays.</summary>
    public static DialogState? Settled(this DialogState? state) => state.IsChoice() ? null : state;
}
