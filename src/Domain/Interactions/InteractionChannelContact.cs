using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Interactions;

public static class InteractionChannelContact
{
    /// <summary>The contact channel a follow-up on this interaction would use, for consent checks.</summary>
    public static ContactChannel ToContactChannel(this InteractionChannel channel) => channel switch
    {
        InteractionChannel.Phone => ContactChannel.Phone,
        InteractionChannel.Email => ContactChannel.Email,
        InteractionChannel.Visit or InteractionChannel.Meeting or InteractionChannel.Store => ContactChannel.InPerson,
        _ => ContactChannel.Chat,
    };
}
