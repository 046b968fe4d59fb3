using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>A turn's replies as written into the outbox, held by <see cref="Owner"/> until they are delivered.</summary>
public sealed record StagedReplies(string Owner, string OrderingKey, IReadOnlyList<OutboxMessage> Messages);

/// <summary>
/// The turn's side of the outbox (ADR 0011). Before the turn saves, <see cref="StageAsync"/> writes its replies into the same
/// context, held by this turn for one lease; after the commit, <see cref="DeliverAsync"/> sends them at once, in order,
/// renewing the hold by heartbeat while it sends. Whatever it cannot send (a crash, a failed attempt, an earlier reply of
/// the conversation still waiting) is left to the <see cref="OutboxWorker"/> of any instance.
/// </summary>
public sealed partial class ReplyOutbox(
    CrmDbContext db,
    IServiceScopeFactory scopes,
    OutboxSendsInProgress sendsInProgress,
    OutboxSignal signal,
    IOptions<InboxOptions> work,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<ReplyOutbox> logger)
{
    /// <summary>Adds the replies to the turn's unsaved changes; null when the responder cannot write them down (they are then sent directly).</summary>
    public async Task<StagedReplies?> StageAsync(ITurnResponder responder, string orderingKey, IReadOnlyList<OutgoingMessage> messages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (responder is not IOutboxResponder durable || messages.Count == 0)
            return null;
        var envelopes = new List<ReplyEnvelope>(messages.Count);
        foreach (var message in messages)
        {
            // One the channel cannot write down sends the whole turn's directly, so its replies keep their order.
            if (await durable.EnvelopeAsync(message, cancellationToken) is not { } envelope)
                return null;
            envelopes.Add(envelope);
        }
        return Stage(orderingKey, envelopes);
    }

    /// <summary>
    /// Adds messages already written down by their channel (a pushed card's <see cref="ReplyEnvelope"/>) to the unsaved
    /// changes of this scope's context, in order, held by the writer for one lease.
    /// </summary>
    public StagedReplies Stage(string orderingKey, IReadOnlyList<ReplyEnvelope> envelopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderingKey);
        ArgumentNullException.ThrowIfNull(envelopes);
        if (envelopes.Count == 0)
            throw new ArgumentException("Nothing to stage.", nameof(envelopes));
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/turn/{Guid.NewGuid():N}";
        var now = time.GetUtcNow();
        var rows = envelopes.Select((envelope, position) =>
            new OutboxMessage(envelope.Channel, orderingKey, position, envelope.Address, envelope.Body, owner, now, work.Value.Lease)).ToList();
        db.OutboxMessages.AddRange(rows);
        return new StagedReplies(owner, orderingKey, rows);
    }

    /// <summary>
    /// Sends the committed replies now; what cannot go now is left to the worker. Never throws but for cancellation: the
    /// turn is committed, and a channel that saw a failure would send the turn again (Teams retries a failed request).
    /// </summary>
    public async Task DeliverAsync(StagedReplies staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        // This process's worker leaves them to this send, however late its heartbeat.
        using var sending = sendsInProgress.Begin(staged.Owner);
        try
        {
            await SendNowAsync(staged, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database was briefly unreachable, say: the rows are committed and a worker sends them once the hold runs out.
            LogSendNowFailed(logger, failure, staged.Messages.Count);
        }
    }

    private async Task SendNowAsync(StagedReplies staged, CancellationToken cancellationToken)
    {
        if (options.Value.DiagnosticDelayAfterCommit > TimeSpan.Zero)
            await Task.Delay(options.Value.DiagnosticDelayAfterCommit, time, cancellationToken);
        var settings = work.Value;
        var ids = staged.Messages.Select(m => m.Id).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        // Still ours, and nothing earlier of the conversation waiting. No worker takes them before the hold written with
        // them runs out, so only a start too late for the first heartbeat renews it first (one write less per turn); if a
        // worker took them meanwhile, the renewal says so.
        var heldUntil = staged.Messages.Min(m => m.LeaseUntil) ?? DateTimeOffset.MinValue;
        var heldLongEnough = time.GetUtcNow() + (settings.Heartbeat * 2) <= heldUntil;
        if ((!heldLongEnough && await store.RenewAsync(ids, staged.Owner, settings.Lease, cancellationToken) < ids.Count)
            || await store.HasEarlierPendingAsync(staged.OrderingKey, staged.Messages[0].CreatedAt, staged.Owner, cancellationToken))
        {
            await store.ReleaseAsync(ids, staged.Owner, cancellationToken);
            signal.Notify();
            LogLeftToWorker(logger, staged.Messages.Count);
            return;
        }
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        await using var heartbeat = LeaseHeartbeat.Start(token => RenewAsync(ids, staged.Owner, token), settings.Heartbeat, time, logger, cancellationToken);
        for (var index = 0; index < staged.Messages.Count; index++)
        {
            if (await sender.SendAsync(staged.Messages[index], staged.Owner, cancellationToken))
                continue;
            // The rest wait behind the failed one, in order, for whichever worker retries it.
            await store.ReleaseAsync(ids.Skip(index + 1).ToList(), staged.Owner, CancellationToken.None);
            signal.Notify();
            return;
        }
    }

    private async Task<bool> RenewAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxStore>().RenewAsync(ids, owner, work.Value.Lease, cancellationToken) > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} committed reply(ies) could not be sent at once; the outbox worker will send them")]
    private static partial void LogSendNowFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} reply(ies) left to the outbox worker: an earlier reply of the conversation is still waiting")]
    private static partial void LogLeftToWorker(ILogger logger, int count);
}
