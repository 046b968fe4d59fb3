using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Inbox;

/// <summary>
/// Drains the inbox: <see cref="InboxOptions.Concurrency"/> loops each claim the oldest claimable item under a lease,
/// hand it to its channel's handler (renewing the lease by heartbeat while it works) (which may complete it with its own work, see <see cref="ClaimedInboxItem"/>), complete
/// it if the handler did not, and go on until nothing is claimable; then wait for a signal or the
/// poll interval. A loop that has claimed an item wakes another, so a burst is spread over all of them. The inbox
/// never hands out an item while an earlier one of the same conversation is pending, so one person's turns still run
/// in the order they arrived. Several instances may run it side by side: the lease and the concurrency token give
/// each item to one worker, and an expired lease (a stopped instance) frees it.
/// </summary>
public sealed partial class InboxWorker(
    IServiceScopeFactory scopes,
    InboxSignal signal,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    /// <summary>This worker's name in the leases it takes; each loop adds its number, so one loop never mistakes another's claim for its own.</summary>
    private readonly string _worker = $"{Truncated(Environment.MachineName, 40)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..12]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunWorker)
        {
            LogWorkerOff(logger);
            return;
        }
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency)
            .Select(loop => Task.Run(() => DrainAsync($"{_worker}/{loop}", settings, stoppingToken), CancellationToken.None)));
    }

    private static string Truncated(string value, int length) => value.Length <= length ? value : value[..length];

    private async Task DrainAsync(string owner, InboxOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(owner, settings, stoppingToken))
                {
                }
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // The database may be briefly unreachable: keep the worker alive and look again at the next poll (or signal),
                // in real time like the poll itself.
                LogLoopFailed(logger, failure);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Runs one item; false when there was nothing to claim.</summary>
    private async Task<bool> RunNextAsync(string owner, InboxOptions settings, CancellationToken cancellationToken)
    {
        InboxItem? item;
        await using (var claimScope = scopes.CreateAsyncScope())
            item = await claimScope.ServiceProvider.GetRequiredService<InboxStore>().ClaimNextAsync(owner, settings.Lease, cancellationToken);
        if (item is null)
            return false;
        // There may be more: let an idle loop look while this one works.
        signal.Notify();

        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["InboxItemId"] = item.Id, ["Channel"] = item.Channel, ["Kind"] = item.Kind });
        try
        {
            await using (LeaseHeartbeat.Start(token => RenewAsync(item.Id, owner, settings.Lease, token), settings.Heartbeat, time, logger, cancellationToken))
            await using (var workScope = scopes.CreateAsyncScope())
            {
                var handler = workScope.ServiceProvider.GetServices<IInboxHandler>().FirstOrDefault(h => h.Channel == item.Channel)
                    ?? throw new InvalidOperationException($"No handler for channel '{item.Channel}'.");
                await handler.HandleAsync(new ClaimedInboxItem(item.Id, item.Kind, item.Payload ?? string.Empty, item.Attempts, time), cancellationToken);
            }
            await using var doneScope = scopes.CreateAsyncScope();
            var inbox = doneScope.ServiceProvider.GetRequiredService<InboxStore>();
            if (await inbox.CompleteAsync(item.Id, owner, cancellationToken))
                LogDone(logger, item.Attempts);
            else if (await inbox.IsDeferredAsync(item.Id, cancellationToken))
                LogDeferred(logger);
            else
                LogLostLease(logger);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await using var failScope = scopes.CreateAsyncScope();
            var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, item.Attempts)));
            var status = await failScope.ServiceProvider.GetRequiredService<InboxStore>()
                .FailAsync(item.Id, owner, failure.GetType().Name, backoff, settings.MaxAttempts, CancellationToken.None);
            LogFailed(logger, failure, item.Attempts, status?.ToString() ?? "already done");
        }
        return true;
    }

    /// <summary>The heartbeat: keeps this worker's claim while the handler works (false once the item is done or taken over).</summary>
    private async Task<bool> RenewAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxStore>().RenewAsync(id, owner, lease, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The inbox worker is off on this instance (Work:RunWorker=false)")]
    private static partial void LogWorkerOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox worker could not read the inbox; it will look again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox item done after {Attempts} attempt(s)")]
    private static partial void LogDone(ILogger logger, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox item put back to wait by its handler")]
    private static partial void LogDeferred(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbox item's lease ran out before it was done; another worker holds it now")]
    private static partial void LogLostLease(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox item attempt {Attempts} failed; the item is now {Status}")]
    private static partial void LogFailed(ILogger logger, Exception exception, int attempts, string status);
}
