namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// Decides which customer a query means, from the customers a search found for it. The rule, in order:
/// <list type="number">
/// <item>A handle in the query that exactly one customer has (e-mail, phone, loyalty number…) decides: that one.
/// Several customers sharing the typed handles (different handles of different people) are listed.</item>
/// <item>Otherwise candidates are weighed by <see cref="CustomerScorer"/>; those under
/// <see cref="MinConfidence"/> or far behind the best (under <see cref="KeepRatio"/> of it) are dropped.</item>
/// <item>The best is taken only when it is confident (at least <see cref="Confident"/>), ahead of the next by
/// at least <see cref="Margin"/>, and the search saw every customer that could match (nothing cut off).
/// Otherwise the ranked list goes back to the person: a guess between close candidates is never made.</item>
/// </list>
/// With the word weights of <see cref="WordMatch"/>, an exact word beats the same word with a slip by 0.2
/// (taken), while two slips, an unfinished word shared by several, or a missing word leave the choice open.
/// </summary>
public static class CustomerIdentification
{
    public const double Confident = 0.75;
    public const double Margin = 0.15;
    public const double MinConfidence = 0.2;
    public const double KeepRatio = 0.6;

    /// <param name="found">The customers the search found for the query (in any order, duplicates allowed).</param>
    /// <param name="moreExist">True when the search stopped before seeing every customer that could match.</param>
    public static IdentificationDecision Decide(CustomerQuery query, IEnumerable<Customer> found, bool moreExist)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(found);
        var scored = found
            .DistinctBy(c => c.Id)
            .Select(c => CustomerScorer.Score(query, c))
            .OfType<ScoredCustomer>()
            .ToList();

        var byHandle = Rank(scored.Where(s => s.ByHandle));
        if (byHandle.Count == 1)
            return new IdentificationDecision.Exact(byHandle[0]);
        if (byHandle.Count > 1)
            return new IdentificationDecision.Candidates(byHandle, MoreExist: false);

        var ranked = Rank(scored);
        if (ranked.Count == 0 || ranked[0].Confidence < MinConfidence)
            return new IdentificationDecision.None();
        var best = ranked[0];
        var kept = ranked.TakeWhile(s => s.Confidence >= Math.Max(MinConfidence, best.Confidence * KeepRatio)).ToList();
        var runnerUp = kept.Count > 1 ? kept[1].Confidence : 0.0;
        if (!moreExist && best.Confidence >= Confident && best.Confidence - runnerUp >= Margin - 1e-9)
            return new IdentificationDecision.Exact(best);
        return new IdentificationDecision.Candidates(kept, moreExist);
    }

    /// <summary>Best first; equal confidence in name order (then by id), so the same search lists the same way.</summary>
    private static List<ScoredCustomer> Rank(IEnumerable<ScoredCustomer> scored) => scored
        .OrderByDescending(s => s.Confidence)
        .ThenBy(s => s.Customer.NameKey, StringComparer.Ordinal)
        .ThenBy(s => s.Customer.Id.Value)
        .ToList();
}
