using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Tests.Consents;

/// <summary>
/// Country policies written out in code, shaped like entries of the shipped table, so the domain tests do
/// not depend on the file (whose own tests live in Infrastructure.Tests).
/// </summary>
internal static class TestPolicies
{
    public static CountryConsentPolicy Spain { get; } = Policy("ES",
        marketing: All(ConsentRegime.OptIn, (ContactChannel.Post, ConsentRegime.OptOut)));

    public static CountryConsentPolicy UnitedStates { get; } = Policy("US",
        marketing: All(ConsentRegime.OptIn, (ContactChannel.Email, ConsentRegime.OptOut), (ContactChannel.Post, ConsentRegime.OptOut)),
        profiling: All(ConsentRegime.OptOut));

    /// <summary>Opt-out for e-mail, but marketing e-mail only after a visit, call or meeting.</summary>
    public static CountryConsentPolicy Mexico { get; } = Policy("MX",
        marketing: All(ConsentRegime.OptOut, (ContactChannel.Chat, ConsentRegime.OptIn)),
        personalContactFirst: true);

    /// <summary>Opt-out, but no partner incentives.</summary>
    public static CountryConsentPolicy Argentina { get; } = Policy("AR",
        marketing: All(ConsentRegime.OptOut, (ContactChannel.Chat, ConsentRegime.OptIn)),
        partnerForbidden: true);

    public static ConsentPolicyTable Table { get; } = new([Spain, UnitedStates, Mexico, Argentina]);

    public static CountryConsentPolicy Policy(string country,
        IReadOnlyDictionary<ContactChannel, ConsentRegime> marketing,
        IReadOnlyDictionary<ContactChannel, ConsentRegime>? profiling = null,
        bool partnerForbidden = false,
        bool personalContactFirst = false) =>
        new(CountryCode.Parse(country), marketing, profiling ?? All(ConsentRegime.OptIn), partnerForbidden, personalContactFirst);

    public static Dictionary<ContactChannel, ConsentRegime> All(ConsentRegime regime, params (ContactChannel Channel, ConsentRegime Regime)[] except)
    {
        var regimes = Enum.GetValues<ContactChannel>().ToDictionary(c => c, _ => regime);
        foreach (var (channel, exception) in except)
            regimes[channel] = exception;
        return regimes;
    }
}
