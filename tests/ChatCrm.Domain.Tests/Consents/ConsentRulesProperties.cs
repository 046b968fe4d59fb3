using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Consents;

/// <summary>
/// The consent rule's promises over generated countries (any mix of regimes and country rules, listed or
/// not), histories (any records, in any order, with ties) and outreaches.
/// </summary>
public sealed class ConsentRulesProperties
{
    private static readonly CustomerId Customer = CustomerId.New();
    private static readonly DateTimeOffset Origin = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Countries = ["ES", "DE", "GB", "US", "MX", "AR", "CO", "JP"];

    private static Gen<T> AnyOf<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static readonly Gen<bool> Coin = Gen.Elements(true, false);

    /// <summary>A regime per channel, or none (which the policy reads as opt-in).</summary>
    private static readonly Gen<Dictionary<ContactChannel, ConsentRegime>> Regimes =
        Gen.ArrayOf(Gen.Elements<ConsentRegime?>(ConsentRegime.OptIn, ConsentRegime.OptOut, null), Enum.GetValues<ContactChannel>().Length)
            .Select(regimes => Enum.GetValues<ContactChannel>()
                .Zip(regimes)
                .Where(p => p.Second is not null)
                .ToDictionary(p => p.First, p => p.Second!.Value));

    private static readonly Gen<CountryConsentPolicy> Policies =
        from country in Gen.Elements(Countries)
        from marketing in Regimes
        from profiling in Regimes
        from partnerForbidden in Coin
        from personalContactFirst in Coin
        from listed in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select listed
            ? new CountryConsentPolicy(CountryCode.Parse(country), marketing, profiling, partnerForbidden, personalContactFirst)
            : CountryConsentPolicy.Strictest(CountryCode.Parse(country));

    /// <summary>Records on a coarse time grid (hours), so several records often share an instant.</summary>
    private static readonly Gen<ConsentRecord> Records =
        from purpose in AnyOf<ConsentPurpose>()
        from channel in AnyOf<ContactChannel>()
        from granted in Coin
        from hour in Gen.Choose(0, 48)
        select granted
            ? ConsentRecord.Grant(Customer, purpose, channel, "web form", Origin.AddHours(hour))
            : ConsentRecord.Withdraw(Customer, purpose, channel, "unsubscribe link", Origin.AddHours(hour));

    private static readonly Gen<Outreach> Outreaches =
        from purpose in AnyOf<ConsentPurpose>()
        from channel in AnyOf<ContactChannel>()
        from partner in Gen.Elements<string?>(null, "Banco Meridiano")
        select new Outreach(purpose, channel, partner);

    private static readonly Gen<Scenario> Scenarios =
        from policy in Policies
        from history in Gen.ListOf(Records)
        from metBefore in Coin
        from outreach in Outreaches
        select new Scenario(policy, history.ToList(), metBefore, outreach);

    [Property]
    public Property Evaluate_WithdrawalNotOlderThanAnyGrant_AlwaysDenies() =>
        Prop.ForAll(Scenarios.SelectMany(s => Gen.Choose(0, 3).Select(after => (Scenario: s, After: after))).ToArbitrary(), input =>
        {
            var (s, after) = input;
            var newest = s.History.Where(r => r.Purpose == s.Outreach.Purpose && r.Channel == s.Outreach.Channel)
                .Select(r => r.RecordedAt).DefaultIfEmpty(Origin).Max();
            var withdrawal = ConsentRecord.Withdraw(Customer, s.Outreach.Purpose, s.Outreach.Channel, "asked by phone", newest.AddHours(after));
            var history = s.History.Append(withdrawal).ToList();

            var decision = ConsentRules.Evaluate(new ConsentSubject(s.Policy, history, s.MetBefore), s.Outreach);

            return !decision.Allowed && decision.Rule == ConsentRule.RecordedWithdrawal;
        });

    [Property]
    public Property Evaluate_PlainOutreachAfterAPersonalContact_LatestRecordWins() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var outreach = s.Outreach with { PartnerCompany = null };
            var latest = s.History.Where(r => r.Purpose == outreach.Purpose && r.Channel == outreach.Channel)
                .OrderByDescending(r => r.RecordedAt).ThenBy(r => r.Granted).FirstOrDefault();

            var decision = ConsentRules.Evaluate(new ConsentSubject(s.Policy, s.History, HadPriorPersonalContact: true), outreach);

            return latest is null || (decision.Allowed == latest.Granted && decision.Rule != ConsentRule.OptInDefault && decision.Rule != ConsentRule.OptOutDefault);
        });

    [Property]
    public Property Evaluate_OrderOfTheHistory_DoesNotMatter() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var subject = new ConsentSubject(s.Policy, s.History, s.MetBefore);
            var reversed = subject with { History = s.History.AsEnumerable().Reverse().ToList() };

            return ConsentRules.Evaluate(subject, s.Outreach) == ConsentRules.Evaluate(reversed, s.Outreach);
        });

    [Property]
    public Property Evaluate_OptInWithoutARecord_AlwaysDenies() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var history = s.History.Where(r => r.Purpose != s.Outreach.Purpose || r.Channel != s.Outreach.Channel).ToList();
            var optIn = s.Policy.RegimeFor(s.Outreach.Purpose, s.Outreach.Channel) == ConsentRegime.OptIn;

            var decision = ConsentRules.Evaluate(new ConsentSubject(s.Policy, history, s.MetBefore), s.Outreach);

            return !optIn || !decision.Allowed;
        });

    [Property]
    public Property Evaluate_EveryDecision_HasAReasonInBothLanguages() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var reason = ConsentRules.Evaluate(new ConsentSubject(s.Policy, s.History, s.MetBefore), s.Outreach).Reason;

            return reason.English.Length > 0 && reason.Spanish.Length > 0 && reason.English != reason.Spanish;
        });

    public sealed record Scenario(CountryConsentPolicy Policy, IReadOnlyCollection<ConsentRecord> History, bool MetBefore, Outreach Outreach)
    {
        public override string ToString() =>
            $"{Policy.Country} (listed: {Policy.IsListed}), met before: {MetBefore}, {Outreach}, history: " +
            string.Join("; ", History.Select(r => $"{(r.Granted ? "grant" : "withdraw")} {r.Purpose}/{r.Channel} @{r.RecordedAt:MM-dd HH}h"));
    }
}
