namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// What one seeding run added. <see cref="Users"/> and <see cref="Offers"/> are zero when the directory
/// or the catalog already had entries, because the run then reuses them.
/// </summary>
public sealed record SeedReport(int Customers, int Identities, int Interactions, int Orders, int Consents, int Users, int Offers, TimeSpan Elapsed)
{
    /// <summary>Past offers shown to reps, each with the customer's answer (the propensity model's history).</summary>
    public int OfferPresentations { get; init; }
}
