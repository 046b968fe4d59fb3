using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Offers;

/// <summary>
/// Whether the propensity model may rank offers for a customer, and whether their answered offers may teach it. The
/// model reads the customer's behaviour (orders, interactions, cases, answers to offers) to tailor what they are
/// offered: that is profiling, so it goes through the one consent rule for <see cref="ConsentPurpose.Profiling"/> on
/// the channel the offer goes out on. Where the country requires opt-in and none is on record, or the customer
/// withdrew (anywhere), the answer is no and offers are ranked by the rules, which use no behavioural features.
/// </summary>
public static class ProfilingConsent
{
    public static ConsentDecision Evaluate(ConsentSubject subject, ContactChannel channel) =>
        ConsentRules.Evaluate(subject, new Outreach(ConsentPurpose.Profiling, channel));

    /// <summary>The ranking to use when <paramref name="decision"/> refuses profiling: the rules, saying why.</summary>
    public static OfferRanking RankingWithout(ConsentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Allowed)
            throw new ArgumentException("Profiling is allowed; rank by the model as usual.", nameof(decision));
        return OfferRanking.ByRules with { ProfilingRefused = decision };
    }
}
