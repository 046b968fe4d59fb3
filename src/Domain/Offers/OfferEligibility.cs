using ChatCrm.Domain.Common;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Offers;

/// <summary>Why an offer was held back: the rule that said no.</summary>
public enum SuppressionKind
{
    AlreadyOwned = 1,
    TierTooLow = 2,
    NotSoldInCountry = 3,
    CoolingOff = 4,
    MadeThisWeek = 5,

    /// <summary>The consent rule (the customer's will, the country's regime, partner incentives, a required prior contact).</summary>
    Consent = 6,
}

/// <summary>The settings of the eligibility rules.</summary>
/// <param name="CoolingOffDays">After a decline, the offer is not suggested again for this many days.</param>
/// <param name="RepeatWindowDays">An offer made (answered in any way) is not made again within this many days.</param>
public sealed record OfferPolicy(int CoolingOffDays = 90, int RepeatWindowDays = 7)
{
    public static OfferPolicy Default { get; } = new();
}

/// <summary>What happened with one offer for one customer before: the newest decline and the newest answer of any kind.</summary>
public sealed record OfferHistory(DateTimeOffset? LastDeclinedAt, DateTimeOffset? LastAnsweredAt);

/// <summary>
/// What the eligibility rules know about the customer: tier (null while never calculated), country, the products they
/// own and the categories those are in, and the history of each offer made to them.
/// </summary>
public sealed record OfferCustomerFacts(
    ValueTier? Tier,
    CountryCode Country,
    IReadOnlySet<string> OwnedProductCodes,
    IReadOnlySet<string> OwnedCategories,
    IReadOnlyDictionary<OfferId, OfferHistory> History)
{
    public OfferHistory HistoryOf(OfferId offer) => History.GetValueOrDefault(offer) ?? new OfferHistory(null, null);
}

/// <summary>Whether an offer may be suggested before consent is asked, and if not, which rule said no and why.</summary>
public sealed record EligibilityDecision(bool Eligible, SuppressionKind? Kind, LocalizedText Reason)
{
    public static EligibilityDecision Yes { get; } = new(true, null, new LocalizedText("eligible", "elegible"));

    public static EligibilityDecision No(SuppressionKind kind, LocalizedText reason) => new(false, kind, reason);
}

/// <summary>
/// The sales rules an offer passes before the consent rule, in order: the customer does not own it yet, their tier is
/// high enough, it is sold in their country, it was not declined within the cooling-off period, and it was not already
/// made this week. Each "no" carries its reason in both languages.
/// </summary>
public static class OfferEligibility
{
    public static EligibilityDecision Evaluate(Offer offer, OfferCustomerFacts facts, OfferPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);

        if (facts.OwnedProductCodes.Contains(offer.ProductCode))
            return EligibilityDecision.No(SuppressionKind.AlreadyOwned, new("already owns it", "ya lo tiene"));
        if (offer.MinimumTier is { } minimum && (facts.Tier is not { } tier || tier < minimum))
        {
            var have = facts.Tier is { } t ? OfferWording.Tier(t) : new LocalizedText("no tier yet", "sin nivel todavía");
            var need = OfferWording.Tier(minimum);
            return EligibilityDecision.No(SuppressionKind.TierTooLow,
                new($"for {need.English} tier and above; the customer is {have.English}", $"para nivel {need.Spanish} o superior; el cliente es {have.Spanish}"));
        }
        var countries = offer.Countries;
        if (countries.Count > 0 && !countries.Contains(facts.Country))
        {
            var list = string.Join(", ", countries.Select(c => c.Value));
            return EligibilityDecision.No(SuppressionKind.NotSoldInCountry,
                new($"not sold in {facts.Country.Value} (only {list})", $"no se vende en {facts.Country.Value} (solo {list})"));
        }
        var history = facts.HistoryOf(offer.Id);
        if (history.LastDeclinedAt is { } declined && now - declined < TimeSpan.FromDays(policy.CoolingOffDays))
        {
            var until = DateOnly.FromDateTime(declined.UtcDateTime.AddDays(policy.CoolingOffDays));
            return EligibilityDecision.No(SuppressionKind.CoolingOff,
                new($"declined on {OfferWording.Date(declined)}; cooling off until {until:yyyy-MM-dd}",
                    $"rechazada el {OfferWording.Date(declined)}; en pausa hasta el {until:yyyy-MM-dd}"));
        }
        if (history.LastAnsweredAt is { } made && now - made < TimeSpan.FromDays(policy.RepeatWindowDays))
        {
            return EligibilityDecision.No(SuppressionKind.MadeThisWeek,
                new($"already made on {OfferWording.Date(made)}", $"ya se ofreció el {OfferWording.Date(made)}"));
        }
        return EligibilityDecision.Yes;
    }
}
