using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class UserPreferenceSourceTests
{
    private static User Ana() => new(UserId.New(), "Ana García", UserRole.SalesRep, "Iberia", "Europe/Madrid", "en-US");

    [Fact]
    public void AdoptReportedTimeZone_DirectoryZone_IsReplacedAndSourcedToTheClient()
    {
        var ana = Ana();

        Assert.True(ana.AdoptReportedTimeZone("America/Bogota"));

        Assert.Equal(("America/Bogota", PreferenceSource.ChatClient), (ana.TimeZone, ana.TimeZoneSource));
    }

    [Fact]
    public void AdoptReportedTimeZone_AfterThePersonChose_IsIgnored()
    {
        var ana = Ana();
        ana.ChooseTimeZone("America/New_York");

        Assert.False(ana.AdoptReportedTimeZone("Europe/London"));

        Assert.Equal(("America/New_York", PreferenceSource.Person), (ana.TimeZone, ana.TimeZoneSource));
    }

    [Theory]
    [InlineData("Madrid/Spain")]
    [InlineData("Madrid")]
    [InlineData("")]
    [InlineData(null)]
    public void AdoptReportedTimeZone_NotAnIanaId_IsIgnored(string? reported)
    {
        var ana = Ana();

        Assert.False(ana.AdoptReportedTimeZone(reported));

        Assert.Equal(("Europe/Madrid", PreferenceSource.Directory), (ana.TimeZone, ana.TimeZoneSource));
    }

    [Fact]
    public void ChooseTimeZone_NotAnIanaId_IsRefusedAndNothingChanges()
    {
        var ana = Ana();

        Assert.Throws<DomainRuleException>(() => ana.ChooseTimeZone("Madrid/Spain"));

        Assert.Equal(("Europe/Madrid", PreferenceSource.Directory), (ana.TimeZone, ana.TimeZoneSource));
    }

    [Fact]
    public void UseTimeZone_AnotherZoneFromTheDirectory_MakesTheDirectoryItsSourceAgain()
    {
        var ana = Ana();
        ana.ChooseTimeZone("America/New_York");

        ana.UseTimeZone("America/New_York");
        Assert.Equal(PreferenceSource.Person, ana.TimeZoneSource);
        ana.UseTimeZone("Europe/Lisbon");

        Assert.Equal(("Europe/Lisbon", PreferenceSource.Directory), (ana.TimeZone, ana.TimeZoneSource));
        Assert.True(ana.AdoptReportedTimeZone("Europe/Madrid"));
    }

    [Fact]
    public void AdoptReportedLocale_AfterThePersonChose_IsIgnored()
    {
        var ana = Ana();
        Assert.True(ana.AdoptReportedLocale("es-ES"));
        ana.ChooseLocale("en");

        Assert.False(ana.AdoptReportedLocale("es-MX"));

        Assert.Equal(("en", PreferenceSource.Person), (ana.Locale, ana.LocaleSource));
    }
}
