using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// What one country's rules say about contacting its customers: opt-in or opt-out per channel for
/// marketing and for profiling, whether offers with partner incentives are forbidden, and whether marketing
/// e-mail needs an earlier personal contact. It is data (loaded from the policy table), not code, so counsel
/// can change it without a release. A channel the table does not mention is opt-in: silence means no.
/// </summary>
public sealed class CountryConsentPolicy
{
    private readonly IReadOnlyDictionary<ContactChannel, ConsentRegime> _marketing;
    private readonly IReadOnlyDictionary<ContactChannel, ConsentRegime> _profiling;

    public CountryConsentPolicy(
        CountryCode country,
        IReadOnlyDictionary<ContactChannel, ConsentRegime> marketing,
        IReadOnlyDictionary<ContactChannel, ConsentRegime> profiling,
        bool partnerIncentivesForbidden,
        bool marketingEmailRequiresPriorPersonalContact)
        : this(country, marketing, profiling, partnerIncentivesForbidden, marketingEmailRequiresPriorPersonalContact, isListed: true)
    {
    }

    private CountryConsentPolicy(
        CountryCode country,
        IReadOnlyDictionary<ContactChannel, ConsentRegime> marketing,
        IReadOnlyDictionary<ContactChannel, ConsentRegime> profiling,
        bool partnerIncentivesForbidden,
        bool marketingEmailRequiresPriorPersonalContact,
        bool isListed)
    {
        ArgumentNullException.ThrowIfNull(marketing);
        ArgumentNullException.ThrowIfNull(profiling);
        Country = country;
        _marketing = new Dictionary<ContactChannel, ConsentRegime>(marketing);
        _profiling = new Dictionary<ContactChannel, ConsentRegime>(profiling);
        PartnerIncentivesForbidden = partnerIncentivesForbidden;
        MarketingEmailRequiresPriorPersonalContact = marketingEmailRequiresPriorPersonalContact;
        IsListed = isListed;
    }

    public CountryCode Country { get; }

    /// <summary>Offers carrying an incentive tied to a partner company may not be made at all.</summary>
    public bool PartnerIncentivesForbidden { get; }

    /// <summary>Marketing e-mail only after a logged visit, call or meeting with the customer.</summary>
    public bool MarketingEmailRequiresPriorPersonalContact { get; }

    /// <summary>False for a country missing from the table, which gets <see cref="Strictest"/> rules.</summary>
    public bool IsListed { get; }

    /// <summary>
    /// For a country nobody has described: opt-in everywhere, no partner incentives, and marketing e-mail only
    /// after a personal contact. Not knowing the law is no reason to assume it is lenient.
    /// </summary>
    public static CountryConsentPolicy Strictest(CountryCode country) =>
        new(country, new Dictionary<ContactChannel, ConsentRegime>(), new Dictionary<ContactChannel, ConsentRegime>(),
            partnerIncentivesForbidden: true, marketingEmailRequiresPriorPersonalContact: true, isListed: false);

    /// <summary>
    /// The regime for a purpose on a channel. Service messages rest on the contract and are always opt-out;
    /// marketing and profiling follow the table, opt-in where it says nothing.
    /// </summary>
    public ConsentRegime RegimeFor(ConsentPurpose purpose, ContactChannel channel)
    {
        var regimes = purpose switch
        {
            ConsentPurpose.Service => null,
            ConsentPurpose.Profiling => _profiling,
            _ => _marketing,
        };
        if (regimes is null)
            return ConsentRegime.OptOut;
        return regimes.TryGetValue(channel, out var regime) ? regime : ConsentRegime.OptIn;
    }
}
