using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Digests;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// Sends the digests that are due: for each manager's setting, the latest occurrence at or before now, unless it was
/// chosen after that, is too late to be useful (<see cref="DigestOptions.LatestSend"/>), or already has a delivery row.
/// The row is claimed (inserted, unique per manager and period) before anything else is done, so of two instances — or
/// a run repeated after a restart — only the one whose insert succeeds goes on. The card is then written into the outbox
/// in the save that audits the send and each customer it names, and delivered from there (ADR 0011): a failed send is
/// retried by the outbox worker of any instance. A manager with no reachable chat is recorded on the row and not retried
/// within the period (the next digest covers the same ground); so is a digest whose instance stopped between its claim
/// and that save. Digests go out one at a time, paced per platform (<see cref="DigestOptions.TeamsGap"/>,
/// <see cref="DigestOptions.SlackGap"/>).
/// </summary>
public sealed partial class DigestDispatcher(
    CrmDbContext db, DigestComposer composer, DirectMessages messages, IOptions<DigestOptions> options, TimeProvider time,
    ILogger<DigestDispatcher> logger)
{
    /// <returns>How many digests this run queued for their chat.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscriptions = await db.DigestSubscriptions.AsNoTracking().ToListAsync(cancellationToken);
        var managerIds = subscriptions.Select(s => s.ManagerId).ToList();
        // The digest follows the manager's zone as it is now (settings, their chat client or an admin may have moved it).
        var zones = await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.TimeZone }).ToDictionaryAsync(u => u.Id, u => u.TimeZone, cancellationToken);
        var delivered = 0;
        var lastSent = new Dictionary<DigestChannel, DateTimeOffset>();
        foreach (var subscription in subscriptions)
        {
            var schedule = subscription.ScheduleIn(zones.GetValueOrDefault(subscription.ManagerId, subscription.TimeZone));
            var due = schedule.LatestAtOrBefore(now);
            if (due.DueAt < subscription.ChosenAt || now - due.DueAt > options.Value.LatestSend)
                continue;
            if (await db.DigestDeliveries.AnyAsync(d => d.ManagerId == subscription.ManagerId && d.PeriodKey == due.PeriodKey, cancellationToken))
                continue;
            if (await ClaimAsync(subscription, due, now, cancellationToken) is not { } claim)
                continue;
            await PaceAsync(lastSent, subscription.Channel, cancellationToken);
            if (await QueueAsync(subscription, schedule, due, claim, cancellationToken))
                delivered++;
            lastSent[subscription.Channel] = time.GetUtcNow();
        }
        return delivered;
    }

    /// <summary>
    /// One digest at a time, with the platform's gap after the previous one of this run: a morning burst stays under
    /// the per-bot limits, and a 429 that still happens is retried by the platform client with its Retry-After.
    /// </summary>
    private async Task PaceAsync(Dictionary<DigestChannel, DateTimeOffset> lastSent, DigestChannel channel, CancellationToken cancellationToken)
    {
        if (!lastSent.TryGetValue(channel, out var previous))
            return;
        var gap = channel == DigestChannel.Slack ? options.Value.SlackGap : options.Value.TeamsGap;
        var wait = previous + gap - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken);
    }

    private async Task<DigestDelivery?> ClaimAsync(DigestSubscription subscription, DigestOccurrence due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = DigestDelivery.Claim(subscription.ManagerId, due, subscription.Channel, now);
        db.DigestDeliveries.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return claim;
        }
        catch (DbUpdateException)
        {
            // Another instance claimed this manager's period first: it sends, this one does not.
            db.ChangeTracker.Clear();
            LogClaimedElsewhere(logger, due.PeriodKey);
            return null;
        }
    }

    private async Task<bool> QueueAsync(DigestSubscription subscription, DigestSchedule schedule, DigestOccurrence due, DigestDelivery claim,
        CancellationToken cancellationToken)
    {
        var manager = await db.Users.AsNoTracking().FirstAsync(u => u.Id == subscription.ManagerId, cancellationToken);
        var since = schedule.Previous(due).DueAt;
        var zone = manager.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due.DueAt, zone).DateTime);
        var content = await composer.ComposeAsync(manager, since, due.DueAt, today, cancellationToken);
        var card = DigestCards.Digest(content, LocalizedText.LanguageFor(manager.Locale), zone);
        var channel = subscription.Channel.ToString();
        try
        {
            await messages.StageAsync(manager, ChannelOf(subscription.Channel), OutgoingMessage.Show(card), cancellationToken);
            claim.Queued(time.GetUtcNow());
            db.AuditEntries.Add(new AuditEntry(manager.Id, AuditAction.ListedInDigest, null, channel, time.GetUtcNow()));
            foreach (var customer in content.CustomersListed)
                db.AuditEntries.Add(new AuditEntry(manager.Id, AuditAction.ListedInDigest, customer, channel, time.GetUtcNow(), CustomerField.Identity));
        }
        catch (Exception failure) when (failure is DirectMessageNotDeliveredException or ReplyDeliveryException)
        {
            // No chat to write to: finding (or opening) it is the only call made before the save.
            claim.Failed(failure is DirectMessageNotDeliveredException ? failure.Message : failure.GetType().Name);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        if (claim.Failure is { } reason)
        {
            LogNotDelivered(logger, due.PeriodKey, reason);
            return false;
        }
        await messages.DeliverStagedAsync(cancellationToken);
        LogQueued(logger, due.PeriodKey, channel);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Digest {PeriodKey} was claimed by another instance")]
    private static partial void LogClaimedElsewhere(ILogger logger, string periodKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {PeriodKey} queued for {Channel}")]
    private static partial void LogQueued(ILogger logger, string periodKey, string channel);

    private static ChatChannel ChannelOf(DigestChannel channel) => channel == DigestChannel.Slack ? ChatChannel.Slack : ChatChannel.Teams;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {PeriodKey} could not be delivered: {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string periodKey, string reason);
}
