namespace ChatCrm.Domain.Consents;

/// <summary>Whether an outreach may happen, with the reason a person can read.</summary>
public sealed record ConsentDecision(bool Allowed, string Reason)
{
    public static ConsentDecision Permit(string reason) => new(true, reason);

    public static ConsentDecision Deny(string reason) => new(false, reason);
}
