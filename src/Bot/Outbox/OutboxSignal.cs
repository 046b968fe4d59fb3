using ChatCrm.Bot.Inbox;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Wakes the <see cref="OutboxWorker"/>: a writer left committed messages to it (an earlier message of the conversation
/// was still waiting, or a send failed part-way), so they go as soon as they may rather than at the next poll.
/// </summary>
public sealed class OutboxSignal : WakeSignal;
