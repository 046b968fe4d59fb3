namespace ChatCrm.Domain.Consents;

/// <summary>
/// The customer an outreach would reach, as far as consent is concerned: their country's policy, their
/// consent history (append-only, any order) and whether a visit, call or meeting was logged before.
/// </summary>
public sealed record ConsentSubject(CountryConsentPolicy Policy, IReadOnlyCollection<ConsentRecord> History, bool HadPriorPersonalContact);

/// <summary>
/// A contact someone wants to make: for a purpose, on a channel, and — for offers carrying an incentive tied
/// to a partner company — the partner's name.
/// </summary>
public sealed record Outreach(ConsentPurpose Purpose, ContactChannel Channel, string? PartnerCompany = null)
{
    public bool IsPartnerIncentive => !string.IsNullOrWhiteSpace(PartnerCompany);
}
