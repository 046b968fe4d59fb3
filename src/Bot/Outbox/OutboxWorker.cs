using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The outbox's durable path: delivers replies their turn could not send at once — the writing instance stopped between
/// the commit and the send (its hold runs out after <c>Work:Lease</c>), an attempt failed (retried after its backoff), or an
/// earlier reply of the conversation was still waiting. <c>Work:Concurrency</c> loops each claim the oldest deliverable
/// message under a lease renewed by heartbeat, one conversation's messages strictly in order; several instances may run
/// it side by side, and the claim gives each message to one of them. Off where <c>Work:RunWorker</c> is off.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    OutboxSendsInProgress sendsInProgress,
    OutboxSignal signal,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/outbox/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunWorker)
            return;
        // Each loop claims under its own name, so one loop never completes or renews another's claim.
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency)
            .Select(loop => Task.Run(() => DrainAsync($"{_worker}/{loop}", settings, stoppingToken), CancellationToken.None)));
    }

    private async Task DrainAsync(string owner, InboxOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(owner, settings, stoppingToken))
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
                // The database may be briefly unreachable: keep the worker alive and look again at the next poll (or
                // signal), in real time like the poll itself.
                LogLoopFailed(logger, failure);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends one message; false when there was nothing to claim.</summary>
    private async Task<bool> SendNextAsync(string owner, InboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimNextAsync(owner, settings.Lease, sendsInProgress.Owners, cancellationToken);
        if (message is null)
            return false;
        // There may be more: let an idle loop look while this one sends.
        signal.Notify();
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["OutboxMessageId"] = message.Id, ["Channel"] = message.Channel });
        await using (LeaseHeartbeat.Start(token => RenewAsync(message.Id, owner, settings.Lease, token), settings.Heartbeat, time, logger, cancellationToken))
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendAsync(message, owner, cancellationToken);
        LogTakenOver(logger, message.Attempts);
        return true;
    }

    private async Task<bool> RenewAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxStore>().RenewAsync([id], owner, lease, cancellationToken) > 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox worker could not read the outbox; it will look again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox worker tried a reply its turn did not send (attempt {Attempts})")]
    private static partial void LogTakenOver(ILogger logger, int attempts);
}
