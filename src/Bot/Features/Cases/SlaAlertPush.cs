using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Inbox;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Cases;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// Delivers the SLA alerts <see cref="SlaAlertScan"/> queued (the inbox's "sla-alert" channel) to the recipient's chat
/// (<see cref="PreferredChat"/>). A case that is not Urgent waits out the recipient's quiet hours (the item is deferred,
/// no failed attempt); an Urgent one goes at once. The card (<see cref="SlaAlertCards"/>) shows the customer only to a
/// reader need-to-know lets see their cases; it is written into the outbox in the save that audits it and completes the
/// item, and sent once that committed. An alert that no longer applies (the case resolved or waiting on the customer,
/// the target met meanwhile) or can never be sent (no chat link, the person gone) completes with the reason, logged; a
/// failed send is the outbox's to retry (ADR 0011), so a failed save can no longer repeat a card already sent.
/// </summary>
public sealed partial class SlaAlertPush(
    CrmDbContext db, DirectMessages messages, SlaTable table, SlaCalendars calendars, IOptions<SlaOptions> options, TimeProvider time,
    ILogger<SlaAlertPush> logger) : IInboxHandler
{
    public string Channel => SlaAlertNotice.Channel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await item.CompleteWithTurnAsync(db, cancellationToken);
        var row = await db.InboxItems.SingleAsync(i => i.Id == item.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (await PushAsync(item, row, now, cancellationToken) is { } reason)
        {
            row.CompleteUndone(reason, now);
            LogNotPushed(logger, reason);
        }
        // The card commits with its audit and the item's completion, in the outbox; it leaves once that is stored.
        await db.SaveChangesAsync(CancellationToken.None);
        await messages.DeliverStagedAsync(cancellationToken);
    }

    /// <returns>Why nothing was (or ever will be) sent; null when the card was staged or the push was deferred.</returns>
    private async Task<string?> PushAsync(ClaimedInboxItem work, InboxItem item, DateTimeOffset now, CancellationToken ct)
    {
        if (SlaAlertNotice.FromPayload(work.Payload) is not { } notice)
            return "NotAnSlaAlert";
        var caseId = new SupportCaseId(notice.CaseId);
        var supportCase = await db.SupportCases.AsNoTracking().Include(c => c.History).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (supportCase is null)
            return "CaseGone";
        if (supportCase.Status is not (CaseStatus.Open or CaseStatus.InProgress))
            return "CaseNotRunning";
        var reading = SlaClock.Read(supportCase, table, calendars.For(supportCase.WorkGroup), now)[notice.Target];
        if (reading.IsDone)
            return "TargetMet";
        var recipientId = new UserId(notice.RecipientId);
        var recipient = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        if (recipient is not { IsActive: true })
            return "RecipientGone";
        if (await PreferredChat.OfAsync(db, recipient, ct) is not { } channel)
            return "NoChatLink";
        var zone = recipient.ResolveTimeZone();
        if (supportCase.Priority != CasePriority.Urgent && options.Value.QuietHours.DeferUntil(now, zone) is { } until)
        {
            item.Defer(until, work.Payload);
            LogDeferred(logger, until);
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, ct);
        var owner = customer.OwnerId is { } ownerId ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct) : null;
        var mayView = NeedToKnowPolicy.Decide(recipient, CustomerAccessFacts.OwnedBy(owner)).Allows(CustomerField.Cases);
        var language = LocalizedText.LanguageFor(recipient.Locale);
        var assignee = supportCase.AssignedTo is { } assigneeId
            ? await db.Users.AsNoTracking().Where(u => u.Id == assigneeId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var view = new SlaAlertView(supportCase, mayView ? customer.DisplayName : null, notice.Target, notice.Threshold, reading,
            assignee ?? language.Pick("nobody (group only)", "nadie (solo el grupo)"), zone);
        try
        {
            await messages.StageAsync(recipient, channel, OutgoingMessage.Show(SlaAlertCards.Alert(view, language)), ct);
        }
        catch (DirectMessageNotDeliveredException failure)
        {
            return failure.Message;
        }
        db.AuditEntries.Add(new AuditEntry(recipient.Id, AuditAction.PushedSlaAlert, customer.Id, channel.ToString(), time.GetUtcNow(),
            mayView ? CustomerField.Identity | CustomerField.Cases : CustomerField.None,
            $"{supportCase.Number}; {notice.Target} {notice.Threshold}; to the {notice.Recipient}"));
        LogPushed(logger, notice.Target, notice.Threshold, channel);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert ({Target}, {Threshold}) pushed to the recipient's {Channel} chat")]
    private static partial void LogPushed(ILogger logger, SlaTarget target, SlaThreshold threshold, ChatChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA alert deferred until {Until} (the recipient's quiet hours)")]
    private static partial void LogDeferred(ILogger logger, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA alert not pushed: {Reason}")]
    private static partial void LogNotPushed(ILogger logger, string reason);
}
