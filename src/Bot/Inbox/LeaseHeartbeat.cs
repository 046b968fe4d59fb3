namespace ChatCrm.Bot.Inbox;

/// <summary>
/// Keeps a claim alive while its holder works: every <c>Work:Heartbeat</c> it renews the lease, so leases can be short
/// and work held by a stopped instance is taken over within seconds. It stops when disposed, or once the renewal says
/// the claim is no longer held (done, or taken over). A renewal that fails is logged and tried at the next beat.
/// </summary>
public sealed partial class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _beating;

    private LeaseHeartbeat(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _beating = BeatAsync(renew, every, time, logger, _stop.Token);
    }

    /// <summary>Starts beating; <paramref name="renew"/> answers whether the claim is still held.</summary>
    public static LeaseHeartbeat Start(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider time, ILogger logger, CancellationToken cancellationToken) =>
        new(renew, every, time, logger, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    private static async Task BeatAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        while (true)
        {
            await Task.Delay(every, time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
                return;
            try
            {
                if (!await renew(stop))
                    return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // The database may be briefly unreachable: the lease still has two beats' worth left.
                LogRenewFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A lease could not be renewed; trying again at the next heartbeat")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}
