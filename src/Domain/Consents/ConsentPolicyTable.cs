using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// The country consent policies, one per country; any country not in the table gets the strictest policy.
/// Built once at start-up from the policy file (see the Infrastructure loader), then only read.
/// </summary>
public sealed class ConsentPolicyTable
{
    private readonly Dictionary<CountryCode, CountryConsentPolicy> _byCountry;

    public ConsentPolicyTable(IEnumerable<CountryConsentPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _byCountry = [];
        foreach (var policy in policies)
        {
            if (!_byCountry.TryAdd(policy.Country, policy))
                throw new DomainRuleException($"The consent policy table lists {policy.Country} twice.");
        }
    }

    public IReadOnlyCollection<CountryConsentPolicy> Policies => _byCountry.Values;

    /// <summary>The country's policy, or <see cref="CountryConsentPolicy.Strictest"/> when it is not listed.</summary>
    public CountryConsentPolicy For(CountryCode country) =>
        _byCountry.TryGetValue(country, out var policy) ? policy : CountryConsentPolicy.Strictest(country);
}
