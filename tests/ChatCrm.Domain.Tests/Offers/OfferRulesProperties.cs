using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tests.Consents;
using ChatCrm.Domain.Tiers;
using ChatCrm.Testing;
using FsCheck;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Offers;

/// <summary>What must hold for any catalog, ownership, tier and history.</summary>
public sealed class OfferRulesProperties
{
    private static readonly string[] Categories = ["Software", "Hardware", "Services"];

    [Property(MaxTest = 300)]
    public void Suggest_AnyCase_EveryActiveUnownedOfferIsSuggestedOrHeldBackOnceAndOnlyEligibleOnesAreSuggested(
        byte[] offerSeeds, int ownedMask, byte tierSeed, int declinedMask, int answeredDaysAgo, PositiveInt max)
    {
        var catalog = offerSeeds.Take(12).Select((s, i) => new Offer(OfferId.New(), $"P{i}", $"Product {i}", Categories[s % 3],
            s % 5 == 0 ? ConsentPurpose.Service : ConsentPurpose.Marketing, "Pitch.").RestrictTo(s % 4 == 0 ? (ValueTier)(s % 3) : null, []))
            .ToList();
        var owned = catalog.Where((_, i) => (ownedMask & (1 << i)) != 0).Select(o => o.ProductCode).ToHashSet(StringComparer.Ordinal);
        var history = catalog.Where((_, i) => (declinedMask & (1 << i)) != 0)
            .ToDictionary(o => o.Id, _ => new OfferHistory(TestClock.Now.AddDays(-Math.Abs(answeredDaysAgo % 200)), TestClock.Now.AddDays(-Math.Abs(answeredDaysAgo % 200))));
        var facts = new OfferCustomerFacts((ValueTier)(tierSeed % 4), CountryCode.Parse("US"), owned, new HashSet<string>(), history);
        var us = new ConsentSubject(TestPolicies.UnitedStates, [], HadPriorPersonalContact: false);

        var result = OfferRules.Suggest(catalog, facts, us, ContactChannel.Email, OfferPolicy.Default, TestClock.Now, OfferRanking.ByRules, null, max.Get);

        var suggested = result.Suggested.Select(s => s.Offer.ProductCode).ToList();
        var held = result.Suppressed.Select(s => s.Offer.ProductCode).ToList();
        Assert.True(suggested.Count <= max.Get);
        Assert.Empty(suggested.Intersect(held));
        Assert.Empty(suggested.Intersect(owned));
        Assert.Empty(held.Intersect(owned));
        Assert.Equal(held.Count, held.Distinct().Count());
        Assert.All(result.Suggested, s => Assert.True(OfferEligibility.Evaluate(s.Offer, facts, OfferPolicy.Default, TestClock.Now).Eligible));
        var notOwned = catalog.Count(o => !owned.Contains(o.ProductCode));
        Assert.Equal(notOwned, held.Count + result.Suggested.Count + Math.Max(0, notOwned - held.Count - max.Get));
        Assert.All(result.Suppressed, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason.English) || string.IsNullOrWhiteSpace(s.Reason.Spanish)));
        Assert.Equal(result.Suggested.Select(s => s.Score).OrderDescending(), result.Suggested.Select(s => s.Score));
    }
}
