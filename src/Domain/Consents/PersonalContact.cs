using ChatCrm.Domain.Interactions;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// Which logged interactions count as a personal contact with the customer: a visit, a call or a meeting —
/// a conversation between people, not an e-mail or a chat message that could itself have been unsolicited.
/// </summary>
public static class PersonalContact
{
    public static IReadOnlyList<InteractionKind> Kinds { get; } = [InteractionKind.Call, InteractionKind.Visit, InteractionKind.Meeting];

    public static bool Counts(InteractionKind kind) => Kinds.Contains(kind);

    /// <summary>Whether any of <paramref name="interactions"/> was a personal contact that happened before <paramref name="now"/>.</summary>
    public static bool HappenedBefore(IEnumerable<Interaction> interactions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        return interactions.Any(i => Counts(i.Kind) && i.OccurredAt <= now);
    }
}
