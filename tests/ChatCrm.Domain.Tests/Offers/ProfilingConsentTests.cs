using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tests.Consents;

namespace ChatCrm.Domain.Tests.Offers;

/// <summary>
/// The propensity model reads behaviour, which is profiling: allowed for an EU customer only with an opt-in on the
/// offer's channel, for a US customer (opt-out) until they object; a withdrawal stops it everywhere.
/// </summary>
public sealed class ProfilingConsentTests
{
    private static readonly CustomerId Lucia = CustomerId.New();
    private static readonly DateTimeOffset January = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static ConsentDecision Evaluate(CountryConsentPolicy policy, ContactChannel channel, params ConsentRecord[] history) =>
        ProfilingConsent.Evaluate(new ConsentSubject(policy, history, HadPriorPersonalContact: false), channel);

    private static ConsentRecord Grant(DateTimeOffset at, ContactChannel channel = ContactChannel.Email) =>
        ConsentRecord.Grant(Lucia, ConsentPurpose.Profiling, channel, "web form", at);

    private static ConsentRecord Withdraw(DateTimeOffset at) =>
        ConsentRecord.Withdraw(Lucia, ConsentPurpose.Profiling, ContactChannel.Email, "call", at);

    [Fact]
    public void Evaluate_EuCustomerWithoutOptIn_RefusedByTheCountryRule()
    {
        var decision = Evaluate(TestPolicies.Spain, ContactChannel.Email);

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.OptInDefault, decision.Rule);
        Assert.Equal("no consent to profiling by e-mail on record, and ES requires opt-in", decision.Reason.In(LanguageCode.English));
        Assert.Equal("no hay consentimiento registrado para elaboración de perfiles por correo electrónico y en ES se exige consentimiento previo",
            decision.Reason.In(LanguageCode.Spanish));
    }

    [Fact]
    public void Evaluate_EuCustomerWithOptIn_Allowed()
    {
        Assert.True(Evaluate(TestPolicies.Spain, ContactChannel.Email, Grant(January)).Allowed);
    }

    [Fact]
    public void Evaluate_EuOptInOnAnotherChannel_DoesNotCoverThisOne()
    {
        Assert.False(Evaluate(TestPolicies.Spain, ContactChannel.Email, Grant(January, ContactChannel.Sms)).Allowed);
    }

    [Fact]
    public void Evaluate_EuCustomerWhoWithdrew_Refused()
    {
        var decision = Evaluate(TestPolicies.Spain, ContactChannel.Email, Grant(January), Withdraw(February));

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.RecordedWithdrawal, decision.Rule);
    }

    [Fact]
    public void Evaluate_UsCustomerWithoutRecords_AllowedUntilTheyObject()
    {
        var decision = Evaluate(TestPolicies.UnitedStates, ContactChannel.Email);

        Assert.True(decision.Allowed);
        Assert.Equal(ConsentRule.OptOutDefault, decision.Rule);
    }

    [Fact]
    public void Evaluate_UsCustomerWhoObjected_Refused()
    {
        Assert.False(Evaluate(TestPolicies.UnitedStates, ContactChannel.Email, Withdraw(February)).Allowed);
    }

    [Fact]
    public void RankingWithout_Refusal_RulesRankAndSayWhy()
    {
        var refused = Evaluate(TestPolicies.Spain, ContactChannel.Email);

        var ranking = ProfilingConsent.RankingWithout(refused);

        Assert.Equal(OfferRankingSource.Rules, ranking.Source);
        Assert.Null(ranking.ModelVersionId);
        Assert.Same(refused, ranking.ProfilingRefused);
    }

    [Fact]
    public void RankingWithout_AllowedDecision_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProfilingConsent.RankingWithout(Evaluate(TestPolicies.UnitedStates, ContactChannel.Email)));
    }
}
