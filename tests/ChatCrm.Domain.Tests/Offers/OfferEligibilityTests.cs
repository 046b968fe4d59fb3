using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tests.Consents;
using ChatCrm.Domain.Tiers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class OfferEligibilityTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    private static Offer Offer(string code = "ERP", string category = "Services") =>
        new(OfferId.New(), code, $"Offer {code}", category, ConsentPurpose.Marketing, "Ask about it.");

    private static OfferCustomerFacts Facts(ValueTier? tier = ValueTier.Gold, string country = "ES", IReadOnlySet<string>? owned = null,
        Dictionary<OfferId, OfferHistory>? history = null) =>
        new(tier, CountryCode.Parse(country), owned ?? new HashSet<string>(), new HashSet<string>(), history ?? []);

    [Fact]
    public void Evaluate_NoRestrictionAndNoHistory_IsEligible() =>
        Assert.True(OfferEligibility.Evaluate(Offer(), Facts(), OfferPolicy.Default, Now).Eligible);

    [Fact]
    public void Evaluate_OwnedProduct_IsAlreadyOwned()
    {
        var decision = OfferEligibility.Evaluate(Offer("ERP"), Facts(owned: new HashSet<string> { "ERP" }), OfferPolicy.Default, Now);

        Assert.Equal(SuppressionKind.AlreadyOwned, decision.Kind);
    }

    [Theory]
    [InlineData(ValueTier.Silver, false)]
    [InlineData(ValueTier.Gold, true)]
    [InlineData(ValueTier.Platinum, true)]
    public void Evaluate_MinimumTierGold_AllowsGoldAndAbove(ValueTier tier, bool eligible)
    {
        var offer = Offer().RestrictTo(ValueTier.Gold, []);

        var decision = OfferEligibility.Evaluate(offer, Facts(tier), OfferPolicy.Default, Now);

        Assert.Equal(eligible, decision.Eligible);
        if (!eligible)
        {
            Assert.Equal(SuppressionKind.TierTooLow, decision.Kind);
            Assert.Equal("for Gold tier and above; the customer is Silver", decision.Reason.English);
            Assert.Equal("para nivel Oro o superior; el cliente es Plata", decision.Reason.Spanish);
        }
    }

    [Fact]
    public void Evaluate_MinimumTierAndNoTierYet_IsHeldBackSayingSo()
    {
        var decision = OfferEligibility.Evaluate(Offer().RestrictTo(ValueTier.Silver, []), Facts(tier: null), OfferPolicy.Default, Now);

        Assert.Equal("for Silver tier and above; the customer is no tier yet", decision.Reason.English);
    }

    [Fact]
    public void Evaluate_CountryNotListed_IsNotSoldThere()
    {
        var offer = Offer().RestrictTo(null, [CountryCode.Parse("MX"), CountryCode.Parse("AR")]);

        var decision = OfferEligibility.Evaluate(offer, Facts(country: "ES"), OfferPolicy.Default, Now);

        Assert.Equal(SuppressionKind.NotSoldInCountry, decision.Kind);
        Assert.Equal("not sold in ES (only AR, MX)", decision.Reason.English);
        Assert.Equal("no se vende en ES (solo AR, MX)", decision.Reason.Spanish);
        Assert.True(OfferEligibility.Evaluate(offer, Facts(country: "MX"), OfferPolicy.Default, Now).Eligible);
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(91, true)]
    public void Evaluate_DeclinedWithinCoolingOff_IsHeldBackUntilItEnds(int daysAgo, bool eligible)
    {
        var offer = Offer();
        var declined = Now.AddDays(-daysAgo);
        var facts = Facts(history: new() { [offer.Id] = new OfferHistory(declined, declined) });

        var decision = OfferEligibility.Evaluate(offer, facts, new OfferPolicy(CoolingOffDays: 90), Now);

        Assert.Equal(eligible, decision.Eligible);
        if (!eligible)
        {
            Assert.Equal(SuppressionKind.CoolingOff, decision.Kind);
            Assert.StartsWith($"declined on {declined.UtcDateTime:yyyy-MM-dd}; cooling off until ", decision.Reason.English, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_CoolingOffIsConfigurable()
    {
        var offer = Offer();
        var facts = Facts(history: new() { [offer.Id] = new OfferHistory(Now.AddDays(-20), Now.AddDays(-20)) });

        Assert.False(OfferEligibility.Evaluate(offer, facts, new OfferPolicy(CoolingOffDays: 30), Now).Eligible);
        Assert.True(OfferEligibility.Evaluate(offer, facts, new OfferPolicy(CoolingOffDays: 10), Now).Eligible);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(8, true)]
    public void Evaluate_AnsweredThisWeek_IsNotMadeAgain(int daysAgo, bool eligible)
    {
        var offer = Offer();
        var facts = Facts(history: new() { [offer.Id] = new OfferHistory(null, Now.AddDays(-daysAgo)) });

        var decision = OfferEligibility.Evaluate(offer, facts, OfferPolicy.Default, Now);

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(eligible ? null : SuppressionKind.MadeThisWeek, decision.Kind);
    }

    [Fact]
    public void Suggest_IneligibleOffers_AreHeldBackWithTheirReasonAndConsentComesAfter()
    {
        var premium = Offer("PREMIUM").RestrictTo(ValueTier.Platinum, []);
        var declined = Offer("DECLINED");
        var fine = Offer("FINE");
        var facts = Facts(history: new() { [declined.Id] = new OfferHistory(Now.AddDays(-5), Now.AddDays(-5)) });
        var noConsent = new ConsentSubject(TestPolicies.Spain, [], HadPriorPersonalContact: true);

        var result = OfferRules.Suggest([premium, declined, fine], facts, noConsent, ContactChannel.Email, OfferPolicy.Default, Now, OfferRanking.ByRules, null);

        Assert.Empty(result.Suggested);
        Assert.Equal([SuppressionKind.CoolingOff, SuppressionKind.Consent, SuppressionKind.TierTooLow],
            result.Suppressed.OrderBy(s => s.Offer.ProductCode, StringComparer.Ordinal).Select(s => s.Kind));
        Assert.Equal(ConsentRule.OptInDefault, result.Suppressed.Single(s => s.Kind == SuppressionKind.Consent).Decision!.Rule);
    }

    [Fact]
    public void Suggest_WithAScorer_RanksByScoreAndKeepsTheScorersReasonsBeforeConsent()
    {
        var a = Offer("A");
        var b = Offer("B");
        var us = new ConsentSubject(TestPolicies.UnitedStates, [], HadPriorPersonalContact: false);
        var reason = new LocalizedText("30% of similar customers accepted", "el 30 % de clientes parecidos aceptó");
        var ranking = new OfferRanking(OfferRankingSource.Model, Guid.NewGuid(), Now);

        var result = OfferRules.Suggest([a, b], Facts(country: "US"), us, ContactChannel.Email, OfferPolicy.Default, Now, ranking,
            o => new OfferScore(o == b ? 0.9 : 0.1, [reason]));

        Assert.Equal([b, a], result.Suggested.Select(s => s.Offer));
        Assert.Equal(reason, result.Suggested[0].Reasons[0]);
        Assert.Equal(2, result.Suggested[0].Reasons.Count);
        Assert.Same(ranking, result.Ranking);
    }

    [Fact]
    public void RuleScore_TierAndOwnedCategory_AreTheReasonsInOrder()
    {
        var facts = new OfferCustomerFacts(ValueTier.Gold, Spain, new HashSet<string> { "X" }, new HashSet<string> { "Software" }, new Dictionary<OfferId, OfferHistory>());

        var score = OfferRules.RuleScore(Offer("CRM", "Software"), facts);

        Assert.Equal(2.0, score.Score);
        Assert.Equal(["Gold tier", "already buys Software"], score.Reasons.Select(r => r.English));
        Assert.Equal(["nivel Oro", "ya compra Software"], score.Reasons.Select(r => r.Spanish));
    }

    [Fact]
    public void Offer_RestrictTo_RoundTripsCountriesSortedAndDistinct()
    {
        var offer = Offer().RestrictTo(ValueTier.Silver, [CountryCode.Parse("MX"), CountryCode.Parse("ES"), CountryCode.Parse("MX")]);

        Assert.Equal(["ES", "MX"], offer.Countries.Select(c => c.Value));
        Assert.Equal(ValueTier.Silver, offer.MinimumTier);
    }
}
