using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Inbox;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// Delivers the pushes <see cref="OfferEventOutbox"/> queued with orders and deposits (the inbox's "outreach" channel):
/// loads the queued suggestion, the customer and the owner, picks the owner's chat (<see cref="PreferredChat"/>), waits
/// out the owner's quiet hours (the item is deferred, which is no failed attempt), asks <see cref="OfferSuggester"/> for
/// the offers that answer the event now, and stages <see cref="OfferEventCards"/> through <see cref="DirectMessages"/>:
/// the card is written into the outbox in the save that audits it and completes the item, and sent once that committed.
/// What can never be sent — no owner, no chat link, no offer that fits, the suggestion dismissed meanwhile, no reachable
/// chat — completes the item with the reason, logged; a failed send (the platform down after its own retries) is the
/// outbox's to retry (ADR 0011), so the card is never sent twice because a save after it failed.
/// </summary>
public sealed partial class OfferEventPush(
    CrmDbContext db, OfferSuggester suggester, DirectMessages messages, IOptions<OutreachOptions> options, TimeProvider time,
    ILogger<OfferEventPush> logger) : IInboxHandler
{
    public string Channel => OfferEventOutbox.Channel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Done in this context, unsaved: saving below completes it together with the audit, or defers it instead.
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
        if (OfferEventNotice.FromPayload(work.Payload) is not { } notice)
            return "NotAnOfferEvent";
        var suggestion = await db.QueuedOfferSuggestions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == notice.SuggestionId, ct);
        if (suggestion is null)
            return "SuggestionGone";
        if (suggestion.DismissedAt is not null)
            return "SuggestionDismissed";
        var customerId = new CustomerId(notice.CustomerId);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct);
        if (customer is null)
            return "CustomerGone";
        var owner = customer.OwnerId is { } ownerId ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct) : null;
        if (owner is null)
            return "NoOwner";
        if (await PreferredChat.OfAsync(db, owner, ct) is not { } channel)
            return "NoChatLink";

        var zone = owner.ResolveTimeZone();
        if (options.Value.QuietHours.DeferUntil(now, zone) is { } until)
        {
            item.Defer(until, work.Payload);
            LogDeferred(logger, until);
            return null;
        }
        var (offers, _) = await suggester.SuggestAsync(customer, now, ct, notice.Trigger);
        if (offers.Suggested.Count == 0)
            return "NoOfferFits";

        var card = OfferEventCards.Event(notice, suggestion, customer, offers, zone, LocalizedText.LanguageFor(owner.Locale));
        try
        {
            await messages.StageAsync(owner, channel, OutgoingMessage.Show(card), ct);
        }
        catch (DirectMessageNotDeliveredException failure)
        {
            return failure.Message;
        }
        db.AuditEntries.Add(new AuditEntry(owner.Id, AuditAction.PushedOfferEvent, customer.Id, channel.ToString(), time.GetUtcNow(),
            CustomerField.Identity | CustomerField.Offers, $"{notice.Trigger}; {offers.Suggested.Count} offer(s)"));
        LogPushed(logger, notice.Trigger, channel);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer event {Trigger} pushed to the owner's {Channel} chat")]
    private static partial void LogPushed(ILogger logger, Domain.Offers.OfferTriggerKind trigger, ChatChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer event push deferred until {Until} (the owner's quiet hours)")]
    private static partial void LogDeferred(ILogger logger, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer event not pushed: {Reason}")]
    private static partial void LogNotPushed(ILogger logger, string reason);
}
