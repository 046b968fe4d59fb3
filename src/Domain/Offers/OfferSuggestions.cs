using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Offers;

/// <summary>An offer worth making, with why: the sales reason first, then the consent reason.</summary>
public sealed record SuggestedOffer(Offer Offer, IReadOnlyList<LocalizedText> Reasons);

/// <summary>An offer held back by the consent rule, with the decision that held it back.</summary>
public sealed record SuppressedOffer(Offer Offer, ConsentDecision Decision)
{
    public LocalizedText Reason => Decision.Reason;
}

public sealed record OfferSuggestions(ContactChannel Channel, IReadOnlyList<SuggestedOffer> Suggested, IReadOnlyList<SuppressedOffer> Suppressed);

/// <summary>
/// The first, transparent offer rules: from the active catalog, leave out what the customer already owns,
/// and hold back (with the reason) anything the consent rule denies on the channel the offer would go out on
/// — the customer's will, the country's regime, partner incentives, a required prior personal contact.
/// Offers in categories the customer already buys from come first (cross-selling), then by name.
/// </summary>
public static class OfferRules
{
    public static OfferSuggestions Suggest(
        IEnumerable<Offer> catalog,
        IReadOnlySet<string> ownedProductCodes,
        IReadOnlySet<string> ownedCategories,
        ConsentSubject customer,
        ContactChannel channel,
        int maxSuggestions = 3)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ownedProductCodes);
        ArgumentNullException.ThrowIfNull(ownedCategories);
        ArgumentNullException.ThrowIfNull(customer);

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

            var consent = ConsentRules.Evaluate(customer, new Outreach(offer.Purpose, channel, offer.PartnerCompany));
            if (!consent.Allowed)
            {
                suppressed.Add(new SuppressedOffer(offer, consent));
                continue;
            }

            if (suggested.Count >= maxSuggestions)
                continue;

            var sales = ownedCategories.Contains(offer.Category)
                ? new LocalizedText($"already buys {offer.Category}", $"ya compra {offer.Category}")
                : new LocalizedText($"new category for this customer: {offer.Category}", $"categoría nueva para este cliente: {offer.Category}");
            suggested.Add(new SuggestedOffer(offer, [sales, consent.Reason]));
        }

        return new OfferSuggestions(channel, suggested, suppressed);
    }
}
