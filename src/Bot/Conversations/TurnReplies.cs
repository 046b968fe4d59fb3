using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// A turn's answers once it has run: those written into the outbox with its changes (<see cref="Staged"/>, already arranged
/// for the conversation), and those that were not because nothing was saved (a refusal, a failure, the rate limit).
/// </summary>
public sealed record TurnAnswers(IReadOnlyList<OutgoingMessage> Unsaved, StagedReplies? Staged = null)
{
    public static TurnAnswers Direct(IReadOnlyList<OutgoingMessage> answers) => new(answers);
}

/// <summary>
/// How a turn's answers leave (ADR 0011): "typing" while the turn works; the answers written into the outbox in the turn's
/// own transaction (<see cref="StageAsync"/>, before the save) and delivered at once after the commit; answers of a turn that
/// saved nothing, and of a channel whose responder cannot write them down, sent directly.
/// </summary>
public sealed class TurnReplies(TypingIndicators typing, ReplyOutbox outbox)
{
    public TypingIndicatorResponder Around(ITurnResponder responder, CancellationToken cancellationToken) => typing.Around(responder, cancellationToken);

    /// <summary>Adds the arranged answers to the turn's unsaved changes; null when the responder sends them itself.</summary>
    public Task<StagedReplies?> StageAsync(ITurnResponder responder, string conversationKey, IReadOnlyList<OutgoingMessage> arranged,
        CancellationToken cancellationToken) =>
        outbox.StageAsync(responder, conversationKey, arranged, cancellationToken);

    /// <summary>After the commit: the written-down answers through the outbox, then any <paramref name="direct"/> ones through the responder.</summary>
    public async Task SendAsync(StagedReplies? staged, IEnumerable<OutgoingMessage> direct, TypingIndicatorResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(responder);
        if (staged is not null)
        {
            await responder.StopTypingAsync();
            await outbox.DeliverAsync(staged, cancellationToken);
        }
        foreach (var reply in direct)
            await responder.SendAsync(reply, cancellationToken);
    }
}
