namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Sends one written-down reply for its channel (one implementation per channel adapter, found by <see cref="Channel"/>,
/// as inbox handlers are). Throws <see cref="ReplyRefusedException"/> when the channel refuses the message for good;
/// any other failure counts as passing, and the message is tried again later.
/// </summary>
public interface IReplyDelivery
{
    /// <summary>The <see cref="ReplyEnvelope.Channel"/> this delivery serves ("slack").</summary>
    string Channel { get; }

    Task DeliverAsync(string address, string body, CancellationToken cancellationToken);
}

/// <summary>The channel will never accept this message (a deleted conversation, an expired reply address): it is not tried again.</summary>
public sealed class ReplyRefusedException : Exception
{
    public ReplyRefusedException()
    {
    }

    public ReplyRefusedException(string reason) : base(reason)
    {
    }

    public ReplyRefusedException(string reason, Exception? innerException) : base(reason, innerException)
    {
    }
}
