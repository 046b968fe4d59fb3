using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// Whether an outreach may happen, which rule decided, and why in words a rep (or the customer) can read,
/// in English and Spanish.
/// </summary>
public sealed record ConsentDecision(bool Allowed, ConsentRule Rule, LocalizedText Reason)
{
    public static ConsentDecision Permit(ConsentRule rule, LocalizedText reason) => new(true, rule, reason);

    public static ConsentDecision Deny(ConsentRule rule, LocalizedText reason) => new(false, rule, reason);
}
