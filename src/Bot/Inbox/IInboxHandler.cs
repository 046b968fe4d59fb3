namespace ChatCrm.Bot.Inbox;

/// <summary>One accepted piece of work as a channel's handler sees it.</summary>
public sealed record InboxWork(Guid Id, string Kind, string Payload, int Attempt);

/// <summary>
/// Does the work a channel accepted into the inbox. It runs in a scope of its own whose <c>CrmDbContext</c> already
/// has the item marked done but unsaved, so a handler whose work saves (a conversation turn) completes the item in
/// the same transaction: a crash can never leave a turn stored but its item still waiting to run again.
/// </summary>
public interface IInboxHandler
{
    /// <summary>The <c>InboxItem.Channel</c> this handler serves ("slack").</summary>
    string Channel { get; }

    Task HandleAsync(InboxWork work, CancellationToken cancellationToken);
}
