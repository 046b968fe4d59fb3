using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class OfferRulesTests
{
    private static readonly CustomerId Customer = CustomerId.New();
    private static readonly HashSet<string> Nothing = [];

    private static Offer Offer(string code, string name, string category, ConsentPurpose purpose = ConsentPurpose.Marketing) =>
        new(OfferId.New(), code, name, category, purpose, $"Ask about {name}.");

    private static ConsentRecord MarketingByEmail() =>
        ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, "web form", TestClock.Now.AddDays(-30));

    [Fact]
    public void Suggest_OwnedProduct_IsLeftOut()
    {
        var drill = Offer("DRILL", "Cordless drill", "Tools");
        var saw = Offer("SAW", "Circular saw", "Tools");

        var result = OfferRules.Suggest([drill, saw], new HashSet<string> { "DRILL" }, Nothing, [MarketingByEmail()], ContactChannel.Email);

        Assert.Equal([saw], result.Suggested.Select(s => s.Offer));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_MarketingOfferWithoutConsent_IsSuppressedWithReason()
    {
        var drill = Offer("DRILL", "Cordless drill", "Tools");

        var result = OfferRules.Suggest([drill], Nothing, Nothing, [], ContactChannel.Email);

        Assert.Empty(result.Suggested);
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Same(drill, suppressed.Offer);
        Assert.Equal("no opt-in for marketing by e-mail", suppressed.Reason);
    }

    [Fact]
    public void Suggest_ConsentOnAnotherChannel_StillSuppressed()
    {
        var result = OfferRules.Suggest([Offer("DRILL", "Cordless drill", "Tools")], Nothing, Nothing, [MarketingByEmail()], ContactChannel.Sms);

        Assert.Empty(result.Suggested);
        Assert.Equal("no opt-in for marketing by SMS", Assert.Single(result.Suppressed).Reason);
    }

    [Fact]
    public void Suggest_ServiceOfferWithoutConsent_IsSuggested()
    {
        var warranty = Offer("WARRANTY", "Extended warranty", "Services", ConsentPurpose.Service);

        var result = OfferRules.Suggest([warranty], Nothing, Nothing, [], ContactChannel.Email);

        var suggestion = Assert.Single(result.Suggested);
        Assert.Same(warranty, suggestion.Offer);
        Assert.Contains("service messages need no opt-in", suggestion.Reasons);
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_OwnedCategories_AreRankedFirst()
    {
        var apron = Offer("APRON", "Apron", "Workwear");
        var blade = Offer("BLADE", "Saw blade", "Tools");
        var boots = Offer("BOOTS", "Boots", "Workwear");

        var result = OfferRules.Suggest([apron, boots, blade], Nothing, new HashSet<string> { "Tools" }, [MarketingByEmail()], ContactChannel.Email);

        Assert.Equal(["BLADE", "APRON", "BOOTS"], result.Suggested.Select(s => s.Offer.ProductCode));
        Assert.Equal("already buys Tools", result.Suggested[0].Reasons[0]);
        Assert.Equal("new category for this customer: Workwear", result.Suggested[1].Reasons[0]);
    }

    [Fact]
    public void Suggest_MoreCandidatesThanMax_ReturnsOnlyMax()
    {
        var catalog = Enumerable.Range(1, 6).Select(i => Offer($"P{i}", $"Product {i}", "Tools")).ToList();

        var result = OfferRules.Suggest(catalog, Nothing, Nothing, [MarketingByEmail()], ContactChannel.Email, maxSuggestions: 2);

        Assert.Equal(["P1", "P2"], result.Suggested.Select(s => s.Offer.ProductCode));
    }

    [Fact]
    public void Suggest_DefaultMax_IsThree()
    {
        var catalog = Enumerable.Range(1, 5).Select(i => Offer($"P{i}", $"Product {i}", "Tools")).ToList();

        var result = OfferRules.Suggest(catalog, Nothing, Nothing, [MarketingByEmail()], ContactChannel.Email);

        Assert.Equal(3, result.Suggested.Count);
    }

    [Fact]
    public void Suggest_RetiredOffer_IsNeitherSuggestedNorSuppressed()
    {
        var retired = Offer("OLD", "Old drill", "Tools");
        retired.Retire();

        var result = OfferRules.Suggest([retired], Nothing, Nothing, [], ContactChannel.Email);

        Assert.Empty(result.Suggested);
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_Result_CarriesTheChannel() =>
        Assert.Equal(ContactChannel.Chat, OfferRules.Suggest([], Nothing, Nothing, [], ContactChannel.Chat).Channel);
}
