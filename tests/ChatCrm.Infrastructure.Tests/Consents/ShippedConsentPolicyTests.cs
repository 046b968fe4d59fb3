using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Infrastructure.Consents;

namespace ChatCrm.Infrastructure.Tests.Consents;

/// <summary>The policy table shipped with ChatCrm reads cleanly and says what its notes claim.</summary>
public sealed class ShippedConsentPolicyTests
{
    private static readonly ConsentPolicyTable Table = ConsentPolicyFile.LoadShipped();

    private static CountryConsentPolicy For(string country) => Table.For(CountryCode.Parse(country));

    [Theory]
    [InlineData("ES")]
    [InlineData("DE")]
    [InlineData("FR")]
    [InlineData("IE")]
    [InlineData("NO")]
    [InlineData("GB")]
    [InlineData("CH")]
    [InlineData("CA")]
    [InlineData("AU")]
    [InlineData("BR")]
    [InlineData("CO")]
    public void LoadShipped_OptInCountry_RequiresConsentForMarketingEmailAndSms(string country)
    {
        var policy = For(country);

        Assert.True(policy.IsListed);
        Assert.Equal(ConsentRegime.OptIn, policy.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.Equal(ConsentRegime.OptIn, policy.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Sms));
        Assert.Equal(ConsentRegime.OptIn, policy.RegimeFor(ConsentPurpose.Profiling, ContactChannel.Email));
    }

    [Fact]
    public void LoadShipped_UnitedStates_EmailIsOptOutButTextsAndCallsNeedConsent()
    {
        var us = For("US");

        Assert.Equal(ConsentRegime.OptOut, us.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.Equal(ConsentRegime.OptIn, us.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Sms));
        Assert.Equal(ConsentRegime.OptIn, us.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Phone));
    }

    [Fact]
    public void LoadShipped_DemoCountries_ExerciseEveryRule()
    {
        Assert.Equal(ConsentRegime.OptOut, For("MX").RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.True(For("MX").MarketingEmailRequiresPriorPersonalContact);
        Assert.True(For("AR").PartnerIncentivesForbidden);
        Assert.False(For("ES").PartnerIncentivesForbidden);
        Assert.False(For("ES").MarketingEmailRequiresPriorPersonalContact);
        Assert.Equal(ConsentRegime.OptOut, For("GB").RegimeFor(ConsentPurpose.Marketing, ContactChannel.Phone));
    }

    [Fact]
    public void LoadShipped_UnlistedCountry_IsStrictest()
    {
        var japan = For("JP");

        Assert.False(japan.IsListed);
        Assert.True(japan.PartnerIncentivesForbidden);
        Assert.All(Enum.GetValues<ContactChannel>(), c => Assert.Equal(ConsentRegime.OptIn, japan.RegimeFor(ConsentPurpose.Marketing, c)));
    }
}
