namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// The answer to "which customer did they mean?": exactly one (and why), a ranked list to choose from with
/// each candidate's confidence, or none. Never a silent pick among close candidates.
/// </summary>
public abstract record IdentificationDecision
{
    private IdentificationDecision()
    {
    }

    /// <summary>One customer: a handle matched, or one candidate is confident and clearly ahead of the rest.</summary>
    public sealed record Exact(ScoredCustomer Match) : IdentificationDecision;

    /// <summary>Several plausible customers (or one too doubtful to take), best first; the person chooses.</summary>
    /// <param name="MoreExist">True when more customers matched than were weighed, so the list may be incomplete.</param>
    public sealed record Candidates(IReadOnlyList<ScoredCustomer> Ranked, bool MoreExist) : IdentificationDecision;

    public sealed record None : IdentificationDecision;
}
