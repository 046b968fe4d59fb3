namespace ChatCrm.Bot.Conversations.State;

/// <summary>
/// The persisted position of a multi-turn dialog. Only plain values: it is stored as JSON and must read
/// back the same after a restart or on another instance.
/// </summary>
public sealed record DialogState(string Dialog, string Step)
{
    public Guid? CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public string? Kind { get; init; }

    public string? Summary { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The customers offered in a choice card, in the order shown (so "2" picks the second).</summary>
    public IReadOnlyList<Guid> Candidates { get; init; } = [];
}
