using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Offers;

/// <summary>An offer worth making, with why (the sales reasons first, then the consent reason) and its rank score.</summary>
public sealed record SuggestedOffer(Offer Offer, IReadOnlyList<LocalizedText> Reasons)
{
    /// <summary>Higher first: the model's probability of acceptance, or the rules' points.</summary>
    public double Score { get; init; }
}

/// <summary>An offer held back, with the rule that held it back and why; <see cref="Decision"/> when consent did.</summary>
public sealed record SuppressedOffer(Offer Offer, SuppressionKind Kind, LocalizedText Reason, ConsentDecision? Decision = null);

/// <summary>
/// How a card's suggestions were ranked: by rules, or by which model version trained when. When the rules ranked
/// because the customer's consent does not allow profiling, <see cref="ProfilingRefused"/> says why.
/// </summary>
public sealed record OfferRanking(OfferRankingSource Source, Guid? ModelVersionId = null, DateTimeOffset? TrainedAt = null)
{
    public static OfferRanking ByRules { get; } = new(OfferRankingSource.Rules);

    public ConsentDecision? ProfilingRefused { get; init; }
}

/// <summary>A rank score with the reasons behind it.</summary>
public sealed record OfferScore(double Score, IReadOnlyList<LocalizedText> Reasons);

public sealed record OfferSuggestions(ContactChannel Channel, IReadOnlyList<SuggestedOffer> Suggested, IReadOnlyList<SuppressedOffer> Suppressed)
{
    public OfferRanking Ranking { get; init; } = OfferRanking.ByRules;
}

/// <summary>
/// The next-best-offer pipeline over the active catalog: the eligibility rules (<see cref="OfferEligibility"/>), then
/// the consent rule on the channel the offer would go out on (the customer's will, the country's regime, partner
/// incentives, a required prior personal contact), then ranking — by a given scorer (the propensity model), else by
/// <see cref="RuleScore"/>. Held-back offers keep their reason; offers the customer owns are left out silently
/// (nobody needs to be told why a customer is not sold what they have).
/// </summary>
public static class OfferRules
{
    /// <summary>Consent and ownership only (no tier, country or history facts): the first rules, kept for simple callers.</summary>
    public static OfferSuggestions Suggest(
        IEnumerable<Offer> catalog,
        IReadOnlySet<string> ownedProductCodes,
        IReadOnlySet<string> ownedCategories,
        ConsentSubject customer,
        ContactChannel channel,
        int maxSuggestions = 3)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var facts = new OfferCustomerFacts(null, customer.Policy.Country, ownedProductCodes, ownedCategories, new Dictionary<OfferId, OfferHistory>());
        return Suggest(catalog, facts, customer, channel, OfferPolicy.Default, DateTimeOffset.MinValue.AddYears(1), OfferRanking.ByRules, null, maxSuggestions);
    }

    public static OfferSuggestions Suggest(
        IEnumerable<Offer> catalog,
        OfferCustomerFacts facts,
        ConsentSubject customer,
        ContactChannel channel,
        OfferPolicy policy,
        DateTimeOffset now,
        OfferRanking ranking,
        Func<Offer, OfferScore>? score,
        int maxSuggestions = 3)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ranking);
        score ??= offer => RuleScore(offer, facts);

        var eligible = new List<SuggestedOffer>();
        var suppressed = new List<SuppressedOffer>();
        foreach (var offer in catalog.Where(o => o.IsActive).OrderBy(o => o.Name, StringComparer.InvariantCulture))
        {
            var eligibility = OfferEligibility.Evaluate(offer, facts, policy, now);
            if (eligibility.Kind == SuppressionKind.AlreadyOwned)
                continue;
            if (!eligibility.Eligible)
            {
                suppressed.Add(new SuppressedOffer(offer, eligibility.Kind!.Value, eligibility.Reason));
                continue;
            }
            var consent = ConsentRules.Evaluate(customer, new Outreach(offer.Purpose, channel, offer.PartnerCompany));
            if (!consent.Allowed)
            {
                suppressed.Add(new SuppressedOffer(offer, SuppressionKind.Consent, consent.Reason, consent));
                continue;
            }
            var scored = score(offer);
            eligible.Add(new SuggestedOffer(offer, [.. scored.Reasons, consent.Reason]) { Score = scored.Score });
        }

        // A stable order: by score, then by name (the catalog order above), so equal scores never shuffle.
        var suggested = eligible.Select((s, i) => (s, i)).OrderByDescending(x => x.s.Score).ThenBy(x => x.i)
            .Take(Math.Max(0, maxSuggestions)).Select(x => x.s).ToList();
        return new OfferSuggestions(channel, suggested, suppressed) { Ranking = ranking };
    }

    /// <summary>
    /// The transparent ranking used until there is enough feedback for a model: cross-selling first (2 points when the
    /// customer already buys from the offer's category), then service offers to customers who own something (1 point),
    /// because support and renewals protect what they have. Reasons: the tier (when known), then the category.
    /// </summary>
    public static OfferScore RuleScore(Offer offer, OfferCustomerFacts facts)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<LocalizedText>();
        if (facts.Tier is { } tier)
            reasons.Add(OfferWording.TierReason(tier));
        var buys = facts.OwnedCategories.Contains(offer.Category);
        reasons.Add(buys ? OfferWording.Buys(offer.Category) : OfferWording.NewCategory(offer.Category));
        var points = (buys ? 2.0 : 0.0) + (offer.Purpose == ConsentPurpose.Service && facts.OwnedProductCodes.Count > 0 ? 1.0 : 0.0);
        return new OfferScore(points, reasons);
    }
}
