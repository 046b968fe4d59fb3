using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>
/// One chat tool's way of writing to a person unasked — a digest, an event about their customer — in their personal
/// chat with the bot. Each channel adapter implements it; features reach it through <see cref="DirectMessages"/>.
/// </summary>
public interface IDirectMessenger
{
    ChatChannel Channel { get; }

    /// <summary>Sends <paramref name="message"/>; throws <see cref="DirectMessageNotDeliveredException"/> when the person has no reachable chat here.</summary>
    Task SendAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message that could not be delivered, with a short reason for the delivery record (never personal data).</summary>
public sealed class DirectMessageNotDeliveredException : Exception
{
    public DirectMessageNotDeliveredException()
    {
    }

    public DirectMessageNotDeliveredException(string reason) : base(reason)
    {
    }

    public DirectMessageNotDeliveredException(string reason, Exception? innerException) : base(reason, innerException)
    {
    }
}
