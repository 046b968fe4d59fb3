namespace ChatCrm.Bot.Inbox;

/// <summary>
/// Wakes this instance's worker as soon as an endpoint has stored new work, so an acknowledged request is
/// answered in milliseconds rather than at the next poll. Many notifications while the worker is busy collapse
/// into one wake-up: the worker drains everything claimable each time.
/// </summary>
public sealed class InboxSignal : IDisposable
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

    public void Dispose() => _wake.Dispose();
}
