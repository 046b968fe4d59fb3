using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Offers;

public sealed record SuggestedOffer(Offer Offer, IReadOnlyList<string> Reasons);

public sealed record SuppressedOffer(Offer Offer, string Reason);

public sealed record OfferSuggestions(ContactChannel Channel, IReadOnlyList<SuggestedOffer> Suggested, IReadOnlyList<SuppressedOffer> Suppressed);

/// <summary>
/// The first, transparent offer rules: from the active catalog, leave out what the customer already owns
/// and anything the customer has not agreed to hear about on the channel the offer would go out on.
/// Offers in categories the customer already buys from come first (cross-selling), then by name.
/// </summary>
public static class OfferRules
{
    public static OfferSuggestions Suggest(
        IEnumerable<Offer> catalog,
        IReadOnlySet<string> ownedProductCodes,
        IReadOnlySet<string> ownedCategories,
        IReadOnlyCollection<ConsentRecord> consents,
        ContactChannel channel,
        int maxSuggestions = 3)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ownedProductCodes);
        ArgumentNullException.ThrowIfNull(ownedCategories);

        var suggested = new List<SuggestedOffer>();
        var suppressed = new List<SuppressedOffer>();
        var candidates = catalog
            .Where(o => o.IsActive)
            .OrderByDescending(o => ownedCategories.Contains(o.Category))
            .ThenBy(o => o.Name, StringComparer.InvariantCulture);

        foreach (var offer in candidates)
        {
            if (ownedProductCodes.Contains(offer.ProductCode))
                continue;

            var consent = ConsentLedger.Evaluate(consents, offer.Purpose, channel);
            if (!consent.Allowed)
            {
                suppressed.Add(new SuppressedOffer(offer, consent.Reason));
                continue;
            }

            if (suggested.Count >= maxSuggestions)
                continue;

            var reasons = new List<string>();
            if (ownedCategories.Contains(offer.Category))
                reasons.Add($"already buys {offer.Category}");
            else
                reasons.Add($"new category for this customer: {offer.Category}");
            reasons.Add(consent.Reason);
            suggested.Add(new SuggestedOffer(offer, reasons));
        }

        return new OfferSuggestions(channel, suggested, suppressed);
    }
}
