using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Domain.Tests.Customers.Identification;

/// <summary>Which customer a query means, among the customers a search found: examples in Spanish and English.</summary>
public sealed class CustomerIdentificationTests
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    private static readonly Customer MariaAcme = Person("María Núñez", "Acme Ibérica", "ES", email: "maria.nunez@acme.es", phone: "+34 600 123 456");
    private static readonly Customer MarinaAcme = Person("Marina Núñez", "Acme Ibérica", "ES");
    private static readonly Customer MarioPenalara = Person("Mario Nuñez Castaño", "Peñalara SL", "ES");
    private static readonly Customer MariaGlobex = Person("María Núñez", "Globex Iberia", "ES");
    private static readonly Customer JohnSmith = Person("John Smith", "Contoso Ltd", "GB", email: "john.smith@contoso.example");
    private static readonly Customer JonSmyth = Person("Jon Smyth", "Fabrikam Inc", "US");

    internal static readonly Customer[] Everyone = [MariaAcme, MarinaAcme, MarioPenalara, MariaGlobex, JohnSmith, JonSmyth];

    [Theory]
    [InlineData("maria.nunez@acme.es")]
    [InlineData("+34 600 123 456")]
    [InlineData("600123456")]
    public void Decide_HandleOfOneCustomer_IsExactWhateverTheWords(string text)
    {
        var exact = AssertExact(Decide(text, Everyone));

        Assert.Same(MariaAcme, exact.Match.Customer);
        Assert.Equal(1.0, exact.Match.Confidence);
        Assert.Contains(exact.Match.Reasons, r => r.EndsWith(" matches", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_NameAndCompany_PicksTheNamesakeAtThatCompany()
    {
        var exact = AssertExact(Decide("María Núñez, Acme", Everyone));

        Assert.Same(MariaAcme, exact.Match.Customer);
        Assert.Equal(["name matches", "company matches"], exact.Match.Reasons);
    }

    [Fact]
    public void Decide_TwoNamesakes_ListsBothAndNeverPicks()
    {
        var candidates = Assert.IsType<IdentificationDecision.Candidates>(Decide("maria nunez", Everyone));

        Assert.Equal(new[] { MariaAcme.Id.Value, MariaGlobex.Id.Value }.Order(), candidates.Ranked.Take(2).Select(c => c.Customer.Id.Value).Order());
        Assert.Equal(candidates.Ranked[0].Confidence, candidates.Ranked[1].Confidence);
    }

    [Fact]
    public void Decide_SurnameWithATypo_FindsTheCustomerWithTheReason()
    {
        var exact = AssertExact(Decide("Mario Nunes", [MarioPenalara, JohnSmith]));

        Assert.Same(MarioPenalara, exact.Match.Customer);
        Assert.Equal("80% — name ≈ nunes (1 typo)", exact.Match.Explain());
    }

    [Fact]
    public void Decide_EnglishNameWithTwoSlips_IsOfferedNotTaken()
    {
        var candidates = Assert.IsType<IdentificationDecision.Candidates>(Decide("jhon smiht", [JohnSmith]));

        var only = Assert.Single(candidates.Ranked);
        Assert.Same(JohnSmith, only.Customer);
        Assert.Equal(64, only.Percent);
    }

    [Fact]
    public void Decide_ExactWordAgainstAWordOneSlipAway_TakesTheExactOne()
    {
        Assert.Same(MarioPenalara, AssertExact(Decide("mario", [MariaAcme, MarioPenalara])).Match.Customer);
        Assert.Same(JohnSmith, AssertExact(Decide("smith", [JohnSmith, JonSmyth])).Match.Customer);
    }

    [Fact]
    public void Decide_SharedSurname_RanksByNameAndNeverPicks()
    {
        var candidates = Assert.IsType<IdentificationDecision.Candidates>(Decide("núñez", [MarioPenalara, MarinaAcme, MariaAcme]));

        Assert.Equal(["María Núñez", "Marina Núñez", "Mario Nuñez Castaño"], candidates.Ranked.Select(c => c.Customer.DisplayName));
    }

    [Fact]
    public void Decide_UnfinishedWord_MatchesTheStartOfTheName()
    {
        var exact = AssertExact(Decide("penal", Everyone));

        Assert.Same(MarioPenalara, exact.Match.Customer);
        Assert.Equal(["company ≈ penal…"], exact.Match.Reasons);
    }

    [Fact]
    public void Decide_WordTheCustomerLacks_LowersConfidenceAndSaysSo()
    {
        var candidates = Assert.IsType<IdentificationDecision.Candidates>(Decide("Marina Núñez Madrid", Everyone));

        var best = candidates.Ranked[0];
        Assert.Same(MarinaAcme, best.Customer);
        Assert.Equal(30, best.Percent);
        Assert.Contains("no \"madrid\"", best.Reasons);
    }

    [Fact]
    public void Decide_NothingMatches_IsNone()
    {
        Assert.IsType<IdentificationDecision.None>(Decide("Zebedee", Everyone));
        Assert.IsType<IdentificationDecision.None>(Decide("maria", []));
    }

    [Fact]
    public void Decide_SearchCutShort_NeverPicksEvenAClearBest()
    {
        var decision = CustomerIdentification.Decide(CustomerQuery.Parse("Mario Núñez Castaño", Spain), Everyone, moreExist: true);

        var candidates = Assert.IsType<IdentificationDecision.Candidates>(decision);
        Assert.True(candidates.MoreExist);
        Assert.Same(MarioPenalara, candidates.Ranked[0].Customer);
    }

    [Fact]
    public void Decide_ShortWordOneLetterOff_IsNotTakenForATypo() =>
        Assert.IsType<IdentificationDecision.None>(Decide("Ana", [Person("Eva Ruiz", null, "ES")]));

    internal static IdentificationDecision Decide(string text, IEnumerable<Customer> found) =>
        CustomerIdentification.Decide(CustomerQuery.Parse(text, Spain), found, moreExist: false);

    internal static Customer Person(string name, string? company, string country, string? email = null, string? phone = null)
    {
        var customer = new Customer(CustomerId.New(), name, company, CountryCode.Parse(country), LanguageCode.Spanish, DateTimeOffset.UnixEpoch);
        if (email is not null)
            customer.AddIdentity(IdentityKind.Email, email);
        if (phone is not null)
            customer.AddIdentity(IdentityKind.Phone, phone);
        return customer;
    }

    private static IdentificationDecision.Exact AssertExact(IdentificationDecision decision) =>
        Assert.IsType<IdentificationDecision.Exact>(decision);
}
