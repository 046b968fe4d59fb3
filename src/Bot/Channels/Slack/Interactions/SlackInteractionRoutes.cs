namespace ChatCrm.Bot.Channels.Slack.Interactions;

/// <summary>A submitted modal's handler, found by the view's <c>callback_id</c>.</summary>
public interface ISlackViewSubmission
{
    /// <summary>The <c>callback_id</c>s of the modals it answers.</summary>
    IReadOnlyList<string> CallbackIds { get; }

    /// <summary>Answers within Slack's 3 seconds: <c>response_action: errors</c> to keep the modal open, an empty 200 to close it.</summary>
    Task<IResult> SubmitAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken);
}

/// <summary>A button whose press opens a modal with the press's trigger id, found by the button's verb (its <c>action_id</c>).</summary>
public interface ISlackModalButton
{
    IReadOnlyList<string> Verbs { get; }

    /// <summary>False when the modal cannot be opened (no access, Slack refused): the press then goes to the worker as a turn.</summary>
    Task<bool> TryOpenAsync(InteractionPayload payload, CancellationToken cancellationToken);
}

/// <summary>
/// Slack interactions routed by id, not by an if-chain: submissions by <c>callback_id</c>, modal-opening buttons by verb.
/// Built from the registered handlers; an id claimed twice is refused (ArgumentException).
/// </summary>
public sealed class SlackInteractionRoutes(IEnumerable<ISlackViewSubmission> submissions, IEnumerable<ISlackModalButton> buttons)
{
    private readonly Dictionary<string, ISlackViewSubmission> _submissions =
        submissions.SelectMany(s => s.CallbackIds.Select(id => (id, s))).ToDictionary(p => p.id, p => p.s, StringComparer.Ordinal);

    private readonly Dictionary<string, ISlackModalButton> _buttons = buttons.SelectMany(b => b.Verbs.Select(verb => (verb, b))).ToDictionary(p => p.verb, p => p.b, StringComparer.Ordinal);

    public ISlackViewSubmission? Submission(string? callbackId) => callbackId is not null && _submissions.TryGetValue(callbackId, out var found) ? found : null;

    public ISlackModalButton? Button(string? verb) => verb is not null && _buttons.TryGetValue(verb, out var found) ? found : null;
}
