using ChatCrm.Domain.Interactions;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// Which logged interactions count as a personal contact with the customer: a visit, a call or a meeting —
/// a conversation between people, not an e-mail or a chat message that could itself have been unsolicited.
/// </summary>
public static class PersonalContact
{
    public static IReadOnlyList<InteractionKind> Kinds { get; } = [InteractionKind.Call, InteractionKind.Visit, InteractionKind.Meeting];
}
