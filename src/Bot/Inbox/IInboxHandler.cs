namespace ChatCrm.Bot.Inbox;

/// <summary>
/// Does the work a channel accepted into the inbox, one <see cref="ClaimedInboxItem"/> at a time, in a scope of its own.
/// A handler whose work saves (a conversation turn) calls <see cref="ClaimedInboxItem.CompleteWithTurnAsync"/> first, so
/// the item is completed in the same transaction as the turn; otherwise the worker completes it afterwards.
/// </summary>
public interface IInboxHandler
{
    /// <summary>The <c>InboxItem.Channel</c> this handler serves ("slack").</summary>
    string Channel { get; }

    Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken);
}
