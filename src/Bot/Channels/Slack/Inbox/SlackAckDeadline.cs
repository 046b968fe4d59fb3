using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Inbox;

/// <summary>
/// The moment by which a Slack request must be answered, counted from when the request's services were created (before
/// its body is read): <see cref="SlackOptions.AckBudget"/> later. Slack gives an app 3 seconds; everything an endpoint
/// waits for before answering — a modal's database look-up, storing the work — waits at most until <see cref="Token"/>
/// fires, then the endpoint answers anyway. One per request (scoped).
/// </summary>
public sealed class SlackAckDeadline : IDisposable
{
    private readonly CancellationTokenSource _spent;

    public SlackAckDeadline(IOptions<SlackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _spent = new CancellationTokenSource(options.Value.AckBudget, time);
    }

    /// <summary>Cancelled once the budget is spent.</summary>
    public CancellationToken Token => _spent.Token;

    public void Dispose() => _spent.Dispose();
}
