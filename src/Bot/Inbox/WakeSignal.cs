namespace ChatCrm.Bot.Inbox;

/// <summary>
/// Wakes this instance's worker loops as soon as there is new work for them, so it goes in milliseconds rather than at
/// the next poll. Many notifications while the loops are busy collapse into one wake-up: a loop drains everything
/// claimable each time, and a loop that claimed something wakes the next. The wait is in real time, as the poll is.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the worker will drain everything when it wakes.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Wakes the <see cref="InboxWorker"/>: an endpoint stored new work, so an acknowledged request is answered at once.</summary>
public sealed class InboxSignal : WakeSignal;
