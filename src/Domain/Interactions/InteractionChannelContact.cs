using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Interactions;

public static class InteractionChannelContact
{
    /// <summary>
    /// The contact channel a follow-up on this interaction would use, for consent checks; null for a
    /// face-to-face interaction (visit, meeting, store), which is no distance channel to follow up on.
    /// </summary>
    public static ContactChannel? ToContactChannel(this InteractionChannel channel) => channel switch
    {
        InteractionChannel.Phone => ContactChannel.Phone,
        InteractionChannel.Email => ContactChannel.Email,
        InteractionChannel.Visit or InteractionChannel.Meeting or InteractionChannel.Store => null,
        _ => ContactChannel.Chat,
    };
}
