namespace ChatCrm.Domain.Interactions;

/// <summary>What sort of contact it was.</summary>
public enum InteractionKind
{
    Call = 1,
    Visit = 2,
    Meeting = 3,
    Email = 4,
    Chat = 5,
}

public static class InteractionKindChannels
{
    /// <summary>
    /// The channel a contact of this kind happened on. A chat happened on the chat tool it was logged from.
    /// </summary>
    public static InteractionChannel DefaultChannel(this InteractionKind kind, InteractionChannel chatChannel) => kind switch
    {
        InteractionKind.Call => InteractionChannel.Phone,
        InteractionKind.Visit => InteractionChannel.Visit,
        InteractionKind.Meeting => InteractionChannel.Meeting,
        InteractionKind.Email => InteractionChannel.Email,
        _ => chatChannel,
    };
}
