using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tests.Consents;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class OfferRulesTests
{
    private static readonly CustomerId Customer = CustomerId.New();
    private static readonly HashSet<string> Nothing = [];

    private static Offer Offer(string code, string name, string category, ConsentPurpose purpose = ConsentPurpose.Marketing, string? partner = null) =>
        new(OfferId.New(), code, name, category, purpose, $"Ask about {name}.", partner);

    private static ConsentRecord MarketingByEmail() =>
        ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, "web form", TestClock.Now.AddDays(-30));

    /// <summary>A customer in Spain (opt-in), with these consent records, met in person before.</summary>
    private static ConsentSubject InSpain(params ConsentRecord[] consents) => new(TestPolicies.Spain, consents, HadPriorPersonalContact: true);

    [Fact]
    public void Suggest_OwnedProduct_IsLeftOut()
    {
        var drill = Offer("DRILL", "Cordless drill", "Tools");
        var saw = Offer("SAW", "Circular saw", "Tools");

        var result = OfferRules.Suggest([drill, saw], new HashSet<string> { "DRILL" }, Nothing, InSpain(MarketingByEmail()), ContactChannel.Email);

        Assert.Equal([saw], result.Suggested.Select(s => s.Offer));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_MarketingOfferWithoutConsentInAnOptInCountry_IsSuppressedWithReason()
    {
        var drill = Offer("DRILL", "Cordless drill", "Tools");

        var result = OfferRules.Suggest([drill], Nothing, Nothing, InSpain(), ContactChannel.Email);

        Assert.Empty(result.Suggested);
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Same(drill, suppressed.Offer);
        Assert.Equal(ConsentRule.OptInDefault, suppressed.Decision!.Rule);
        Assert.Equal("no hay consentimiento registrado para comunicaciones comerciales por correo electrónico y en ES se exige consentimiento previo", suppressed.Reason.Spanish);
    }

    [Fact]
    public void Suggest_MarketingOfferWithoutRecordInAnOptOutCountry_IsSuggestedWithTheOptOutReason()
    {
        var us = new ConsentSubject(TestPolicies.UnitedStates, [], HadPriorPersonalContact: false);

        var result = OfferRules.Suggest([Offer("DRILL", "Cordless drill", "Tools")], Nothing, Nothing, us, ContactChannel.Email);

        var suggestion = Assert.Single(result.Suggested);
        Assert.Equal("no objection to marketing by e-mail on record, and US allows it until the customer opts out", suggestion.Reasons[1].English);
    }

    [Fact]
    public void Suggest_ConsentOnAnotherChannel_StillSuppressed()
    {
        var result = OfferRules.Suggest([Offer("DRILL", "Cordless drill", "Tools")], Nothing, Nothing, InSpain(MarketingByEmail()), ContactChannel.Sms);

        Assert.Empty(result.Suggested);
        Assert.Equal("no consent to marketing by SMS on record, and ES requires opt-in", Assert.Single(result.Suppressed).Reason.English);
    }

    [Fact]
    public void Suggest_PartnerIncentiveWhereForbidden_IsSuppressedAndTheRestSuggested()
    {
        var financing = Offer("FIN-12", "Financing plan", "Services", partner: "Banco Meridiano");
        var onboarding = Offer("ONBOARD", "Onboarding", "Services");
        var argentina = new ConsentSubject(TestPolicies.Argentina, [MarketingByEmail()], HadPriorPersonalContact: true);

        var result = OfferRules.Suggest([financing, onboarding], Nothing, Nothing, argentina, ContactChannel.Email);

        Assert.Equal([onboarding], result.Suggested.Select(s => s.Offer));
        var held = Assert.Single(result.Suppressed);
        Assert.Same(financing, held.Offer);
        Assert.Equal(ConsentRule.PartnerIncentiveForbidden, held.Decision!.Rule);
    }

    [Fact]
    public void Suggest_MarketingEmailBeforeAPersonalContactWhereRequired_IsSuppressed()
    {
        var mexico = new ConsentSubject(TestPolicies.Mexico, [MarketingByEmail()], HadPriorPersonalContact: false);

        var result = OfferRules.Suggest([Offer("DRILL", "Cordless drill", "Tools")], Nothing, Nothing, mexico, ContactChannel.Email);

        Assert.Equal(ConsentRule.PersonalContactRequired, Assert.Single(result.Suppressed).Decision!.Rule);
    }

    [Fact]
    public void Suggest_ServiceOfferWithoutConsent_IsSuggested()
    {
        var warranty = Offer("WARRANTY", "Extended warranty", "Services", ConsentPurpose.Service);

        var result = OfferRules.Suggest([warranty], Nothing, Nothing, InSpain(), ContactChannel.Email);

        var suggestion = Assert.Single(result.Suggested);
        Assert.Same(warranty, suggestion.Offer);
        Assert.Contains(suggestion.Reasons, r => r.English == "service messages by e-mail need no opt-in");
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_OwnedCategories_AreRankedFirstWithBilingualReasons()
    {
        var apron = Offer("APRON", "Apron", "Workwear");
        var blade = Offer("BLADE", "Saw blade", "Tools");
        var boots = Offer("BOOTS", "Boots", "Workwear");

        var result = OfferRules.Suggest([apron, boots, blade], Nothing, new HashSet<string> { "Tools" }, InSpain(MarketingByEmail()), ContactChannel.Email);

        Assert.Equal(["BLADE", "APRON", "BOOTS"], result.Suggested.Select(s => s.Offer.ProductCode));
        Assert.Equal(new LocalizedText("already buys Tools", "ya compra Tools"), result.Suggested[0].Reasons[0]);
        Assert.Equal("new category for this customer: Workwear", result.Suggested[1].Reasons[0].English);
        Assert.Equal("opted in to marketing by e-mail on 2026-02-08 (web form)", result.Suggested[1].Reasons[1].English);
    }

    [Fact]
    public void Suggest_MoreCandidatesThanMax_ReturnsOnlyMax()
    {
        var catalog = Enumerable.Range(1, 6).Select(i => Offer($"P{i}", $"Product {i}", "Tools")).ToList();

        var result = OfferRules.Suggest(catalog, Nothing, Nothing, InSpain(MarketingByEmail()), ContactChannel.Email, maxSuggestions: 2);

        Assert.Equal(["P1", "P2"], result.Suggested.Select(s => s.Offer.ProductCode));
    }

    [Fact]
    public void Suggest_DefaultMax_IsThree()
    {
        var catalog = Enumerable.Range(1, 5).Select(i => Offer($"P{i}", $"Product {i}", "Tools")).ToList();

        var result = OfferRules.Suggest(catalog, Nothing, Nothing, InSpain(MarketingByEmail()), ContactChannel.Email);

        Assert.Equal(3, result.Suggested.Count);
    }

    [Fact]
    public void Suggest_RetiredOffer_IsNeitherSuggestedNorSuppressed()
    {
        var retired = Offer("OLD", "Old drill", "Tools");
        retired.Retire();

        var result = OfferRules.Suggest([retired], Nothing, Nothing, InSpain(), ContactChannel.Email);

        Assert.Empty(result.Suggested);
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Suggest_Result_CarriesTheChannel() =>
        Assert.Equal(ContactChannel.Chat, OfferRules.Suggest([], Nothing, Nothing, InSpain(), ContactChannel.Chat).Channel);

    [Fact]
    public void Offer_ProfilingPurpose_IsRejected() =>
        Assert.Throws<DomainRuleException>(() => Offer("X", "Data deal", "Data", ConsentPurpose.Profiling));

    [Fact]
    public void Offer_BlankPartner_MeansNoPartnerIncentive() =>
        Assert.Null(Offer("X", "Onboarding", "Services", partner: "  ").PartnerCompany);
}
