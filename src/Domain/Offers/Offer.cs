using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Offers;

/// <summary>
/// A catalog entry a rep can suggest: a product (by code) in a category, for a consent purpose, and — when
/// it carries an incentive tied to a partner company (financing by a bank, a partner's voucher) — that
/// partner, because some countries forbid such incentives whatever the customer agreed to.
/// </summary>
public sealed class Offer
{
    private Offer()
    {
        ProductCode = string.Empty;
        Name = string.Empty;
        Category = string.Empty;
        Pitch = string.Empty;
    }

    public const int MaxPartnerCompanyLength = 120;

    public Offer(OfferId id, string productCode, string name, string category, ConsentPurpose purpose, string pitch, string? partnerCompany = null)
    {
        if (purpose is not (ConsentPurpose.Marketing or ConsentPurpose.Service))
            throw new DomainRuleException("An offer is either marketing or a service message.");
        Id = id;
        ProductCode = Guard.RequiredText(productCode, "product code", 40).ToUpperInvariant();
        Name = Guard.RequiredText(name, "offer name", 120);
        Category = Guard.RequiredText(category, "category", 60);
        Purpose = purpose;
        Pitch = Guard.RequiredText(pitch, "pitch", 500);
        PartnerCompany = Guard.OptionalText(partnerCompany, "partner company", MaxPartnerCompanyLength);
        IsActive = true;
    }

    public OfferId Id { get; private set; }

    public string ProductCode { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    /// <summary>What the customer must have agreed to before hearing this offer (Marketing for most).</summary>
    public ConsentPurpose Purpose { get; private set; }

    /// <summary>One or two sentences the rep can say.</summary>
    public string Pitch { get; private set; }

    /// <summary>The partner company whose incentive the offer carries; null when it carries none.</summary>
    public string? PartnerCompany { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The lowest value tier the offer is made to (premium offers are for the few who bring most value); null for every tier.</summary>
    public ValueTier? MinimumTier { get; private set; }

    /// <summary>Countries where the offer is sold, as "ES,MX" (stored as one short column); empty when sold everywhere.</summary>
    private string _countries = string.Empty;

    /// <summary>The countries where the offer is sold; empty when it is sold everywhere.</summary>
    public IReadOnlyList<CountryCode> Countries =>
        _countries.Length == 0 ? [] : [.. _countries.Split(',').Select(CountryCode.Parse)];

    /// <summary>The customer events this offer answers, as "LargeDeposit,LargeOrder" (one short column); empty when it answers none.</summary>
    private string _triggers = string.Empty;

    /// <summary>The customer events (<see cref="OfferTriggerKind"/>) this offer is a good answer to: a large deposit → an investment product.</summary>
    public IReadOnlyList<OfferTriggerKind> AnswersTriggers =>
        _triggers.Length == 0 ? [] : [.. _triggers.Split(',').Select(Enum.Parse<OfferTriggerKind>)];

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>Sets which customer events the offer answers (none for an offer only shown on request).</summary>
    public Offer Answer(IEnumerable<OfferTriggerKind> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var kinds = triggers.Distinct().Order().ToList();
        foreach (var kind in kinds.Where(k => !Enum.IsDefined(k)))
            throw new DomainRuleException($"{kind} is not a customer event an offer can answer.");
        _triggers = string.Join(',', kinds);
        return this;
    }

    /// <summary>The catalogue changed the offer's wording, category, purpose or partner; the product code stays its key.</summary>
    public void Revise(string name, string category, ConsentPurpose purpose, string pitch, string? partnerCompany)
    {
        if (purpose is not (ConsentPurpose.Marketing or ConsentPurpose.Service))
            throw new DomainRuleException("An offer is either marketing or a service message.");
        Name = Guard.RequiredText(name, "offer name", 120);
        Category = Guard.RequiredText(category, "category", 60);
        Purpose = purpose;
        Pitch = Guard.RequiredText(pitch, "pitch", 500);
        PartnerCompany = Guard.OptionalText(partnerCompany, "partner company", MaxPartnerCompanyLength);
    }

    /// <summary>Limits who the offer is for: a minimum tier (null for all) and the countries it is sold in (none for everywhere).</summary>
    public Offer RestrictTo(ValueTier? minimumTier, IEnumerable<CountryCode> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        MinimumTier = minimumTier;
        _countries = string.Join(',', countries.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return this;
    }
}
