using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Inbox;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers.HandOver;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>
/// Delivers the notice a hand-over queued (the inbox's "handover" channel) to the new owner's chat, as they prefer
/// (<see cref="PreferredChat"/>): the notice is written into the outbox in the save that completes the item, and sent once
/// that committed. A new owner with no chat linked, or gone meanwhile, completes it with the reason, logged; a failed
/// send is the outbox's to retry (ADR 0011).
/// </summary>
public sealed partial class HandOverNoticePush(CrmDbContext db, DirectMessages messages, TimeProvider time, ILogger<HandOverNoticePush> logger) : IInboxHandler
{
    public string Channel => HandOverNotice.Channel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await item.CompleteWithTurnAsync(db, cancellationToken);
        if (await SendAsync(item, cancellationToken) is { } reason)
        {
            var row = await db.InboxItems.SingleAsync(i => i.Id == item.Id, cancellationToken);
            row.CompleteUndone(reason, time.GetUtcNow());
            LogNotSent(logger, reason);
        }
        // The card commits with its audit and the item's completion, in the outbox; it leaves once that is stored.
        await db.SaveChangesAsync(CancellationToken.None);
        await messages.DeliverStagedAsync(cancellationToken);
    }

    /// <returns>Why the notice can never be sent; null once it is staged.</returns>
    private async Task<string?> SendAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        if (HandOverNotice.FromPayload(item.Payload) is not { } notice)
            return "NotAHandOverNotice";
        var heirId = new UserId(notice.HeirId);
        var heir = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == heirId, cancellationToken);
        if (heir is not { IsActive: true })
            return "NewOwnerGone";
        if (await PreferredChat.OfAsync(db, heir, cancellationToken) is not { } channel)
            return "NoChatLink";
        try
        {
            await messages.StageAsync(heir, channel, OutgoingMessage.Say(HandOverCards.Notice(notice, LocalizedText.LanguageFor(heir.Locale))), cancellationToken);
        }
        catch (DirectMessageNotDeliveredException failure)
        {
            return failure.Message;
        }
        LogSent(logger, notice.Customers, channel);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-over notice ({Customers} customers) sent to the new owner's {Channel} chat")]
    private static partial void LogSent(ILogger logger, int customers, ChatChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-over notice not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string reason);
}
