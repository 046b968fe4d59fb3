namespace ChatCrm.Bot.Conversations;

/// <summary>
/// Wraps a channel's responder so that a turn which has not replied within the configured delay sends a
/// typing indicator first. The first real reply stops the timer and waits for a typing send in flight,
/// so the indicator never arrives after the answer.
/// </summary>
public sealed class TypingIndicatorResponder : ITurnResponder, IAsyncDisposable
{
    private readonly ITurnResponder _inner;
    private readonly CancellationTokenSource _timer = new();
    private readonly Task _typing;

    public TypingIndicatorResponder(ITurnResponder inner, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        _inner = inner;
        _typing = SendTypingLaterAsync(delay, time, cancellationToken);
    }

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await StopTimerAsync();
        await _inner.SendAsync(message, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken) => _inner.SendTypingAsync(cancellationToken);

    /// <summary>Stops the timer (waiting for an indicator in flight) before the answers go out some other way than through this responder.</summary>
    public Task StopTypingAsync() => StopTimerAsync();

    public async ValueTask DisposeAsync()
    {
        await StopTimerAsync();
        _timer.Dispose();
    }

    private async Task StopTimerAsync()
    {
        if (!_timer.IsCancellationRequested)
            await _timer.CancelAsync();
        await _typing;
    }

    private async Task SendTypingLaterAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        // The answer usually comes first: the wait then ends quietly rather than with an exception on every turn.
        await Task.Delay(delay, time, _timer.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_timer.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            return;
        try
        {
            await _inner.SendTypingAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The turn was abandoned while the indicator was on its way.
        }
        catch (ReplyDeliveryException)
        {
            // An indicator that cannot be shown must not cost the user their answer.
        }
    }
}
