using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Consents;

public sealed class ConsentSummaryTests
{
    private static readonly CustomerId Customer = CustomerId.New();
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_AnyCustomer_CoversEveryPurposeOnEveryChannelOnce()
    {
        var summary = ConsentSummary.Of(new ConsentSubject(TestPolicies.Spain, [], HadPriorPersonalContact: false));

        Assert.Equal(Enum.GetValues<ConsentPurpose>().Length * Enum.GetValues<ContactChannel>().Length, summary.Standings.Count);
        Assert.Equal(summary.Standings.Count, summary.Standings.Select(s => (s.Purpose, s.Channel)).Distinct().Count());
    }

    [Fact]
    public void Of_SpanishCustomer_ShowsTheirRecordsAndTheCountryDefaults()
    {
        var grant = ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, "formulario web", March);
        var noCalls = ConsentRecord.Withdraw(Customer, ConsentPurpose.Service, ContactChannel.Phone, "prefiere correo electrónico", March);

        var summary = ConsentSummary.Of(new ConsentSubject(TestPolicies.Spain, [grant, noCalls], HadPriorPersonalContact: false));

        var email = Standing(summary, ConsentPurpose.Marketing, ContactChannel.Email);
        Assert.True(email.Decision.Allowed);
        Assert.Same(grant, email.Latest);
        Assert.Equal(ConsentRule.OptInDefault, Standing(summary, ConsentPurpose.Marketing, ContactChannel.Sms).Decision.Rule);
        Assert.Equal(ConsentRule.OptOutDefault, Standing(summary, ConsentPurpose.Marketing, ContactChannel.Post).Decision.Rule);
        Assert.False(Standing(summary, ConsentPurpose.Service, ContactChannel.Phone).Decision.Allowed);
        Assert.True(Standing(summary, ConsentPurpose.Service, ContactChannel.Email).Decision.Allowed);
        Assert.Null(Standing(summary, ConsentPurpose.Profiling, ContactChannel.Chat).Latest);
    }

    [Fact]
    public void Of_CountryRequiringPersonalContact_ShowsMarketingEmailHeldUntilAMeeting()
    {
        var before = ConsentSummary.Of(new ConsentSubject(TestPolicies.Mexico, [], HadPriorPersonalContact: false));
        var after = ConsentSummary.Of(new ConsentSubject(TestPolicies.Mexico, [], HadPriorPersonalContact: true));

        Assert.Equal(ConsentRule.PersonalContactRequired, Standing(before, ConsentPurpose.Marketing, ContactChannel.Email).Decision.Rule);
        Assert.True(Standing(after, ConsentPurpose.Marketing, ContactChannel.Email).Decision.Allowed);
    }

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("es", "es")]
    [InlineData("ES_ar", "es")]
    [InlineData("en-US", "en")]
    [InlineData("et-EE", "en")]
    [InlineData("est", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void LanguageFor_Locale_SpanishOnlyForSpanishLocales(string? locale, string expected) =>
        Assert.Equal(expected, LocalizedText.LanguageFor(locale).Value);

    private static ConsentStanding Standing(ConsentSummary summary, ConsentPurpose purpose, ContactChannel channel) =>
        Assert.Single(summary.Standings, s => s.Purpose == purpose && s.Channel == channel);
}
