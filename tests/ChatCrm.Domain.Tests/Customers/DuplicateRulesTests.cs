using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;

namespace ChatCrm.Domain.Tests.Customers;

public sealed class DuplicateRulesTests
{
    [Fact]
    public void Assess_SameNameAndCompanyDespiteAccentsAndATypo_IsAStrongSuspicion()
    {
        var suspicion = DuplicateRules.Assess(Customer("María Núñez", "Acme Ibérica"), Customer("Maria Nunes", "ACME IBERICA"));

        Assert.NotNull(suspicion);
        Assert.True(suspicion.Strong);
        Assert.Equal(["name differs by 1 letter(s)", "same company"], suspicion.Reasons.Select(r => r.English));
        Assert.Equal(["el nombre difiere en 1 letra(s)", "misma empresa"], suspicion.Reasons.Select(r => r.Spanish));
    }

    [Fact]
    public void Assess_ExtraSurnameSameCountryNoCompany_IsAWeakSuspicion()
    {
        var suspicion = DuplicateRules.Assess(Customer("María Núñez", "Acme Ibérica"), Customer("María Núñez García", null));

        Assert.NotNull(suspicion);
        Assert.False(suspicion.Strong);
        Assert.Contains(new LocalizedText("same country, one has no company", "mismo país, una sin empresa"), suspicion.Reasons);
    }

    [Theory]
    [InlineData("Marina Núñez", "Acme Ibérica", "ES")]
    [InlineData("María Núñez", "Acme Ibérica", "MX")]
    [InlineData("Núñez", "Acme Ibérica", "ES")]
    public void Assess_AnotherPersonOrAnotherCountry_IsNoSuspicion(string name, string company, string country)
    {
        var subject = Customer("María Núñez", "Globex", "ES");
        var other = Customer(name, company, country);

        Assert.Null(DuplicateRules.Assess(subject, other));
    }

    [Fact]
    public void Assess_TheSameRecord_IsNoSuspicion()
    {
        var maria = Customer("María Núñez", "Acme Ibérica");

        Assert.Null(DuplicateRules.Assess(maria, maria));
    }

    [Theory]
    [InlineData("Maria Nunes", "ACME IBERICA", "ES")]
    [InlineData("María Núñez García", null, "ES")]
    [InlineData("María Núñez", "Globex", "ES")]
    [InlineData("Marina Núñez", "Acme Ibérica", "ES")]
    [InlineData("María Núñez", "Globex", "MX")]
    public void Weigh_TheOtherRecordsKeysAndCountry_GivesWhatAssessGives(string name, string? company, string country)
    {
        var subject = Customer("María Núñez", "Acme Ibérica");
        var other = Customer(name, company, country);

        var reasons = DuplicateRules.Weigh(subject, other.NameKey, other.CompanyKey, other.Country);

        var suspicion = DuplicateRules.Assess(subject, other);
        Assert.Equal(suspicion?.Reasons, reasons);
        Assert.Equal(suspicion?.Strong, reasons is null ? null : DuplicateRules.IsStrong(reasons));
    }

    private static Customer Customer(string name, string? company, string country = "ES") =>
        new(CustomerId.New(), name, company, CountryCode.Parse(country), LanguageCode.Spanish, DateTimeOffset.UtcNow.AddYears(-1));
}
