using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Infrastructure.Consents;

namespace ChatCrm.Infrastructure.Tests.Consents;

/// <summary>A policy file with any fault is refused as a whole, and the message names the entry and the fault.</summary>
public sealed class ConsentPolicyFileTests
{
    private const string Source = "the test table";

    private static string File(params string[] entries) => $$"""{ "policies": [ {{string.Join(",", entries)}} ] }""";

    private static string Entry(string name = "Spain", string countries = "\"ES\"", string marketing = "\"Email\": \"OptIn\"",
        string flags = "\"partnerIncentivesForbidden\": false, \"marketingEmailRequiresPriorPersonalContact\": false") =>
        $$"""{ "name": "{{name}}", "countries": [{{countries}}], "marketing": { {{marketing}} }, {{flags}} }""";

    private static string ProblemsOf(string json) =>
        Assert.Throws<ConsentPolicyException>(() => ConsentPolicyFile.Parse(json, Source)).Message;

    [Fact]
    public void Parse_ValidEntry_CaseOfNamesDoesNotMatter()
    {
        var table = ConsentPolicyFile.Parse(File(Entry(countries: "\"ES\", \"PT\"", marketing: "\"email\": \"optout\", \"POST\": \"OptOut\"")), Source);

        var portugal = table.For(CountryCode.Parse("PT"));
        Assert.True(portugal.IsListed);
        Assert.Equal(ConsentRegime.OptOut, portugal.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.Equal(ConsentRegime.OptIn, portugal.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Sms));
        Assert.Equal(ConsentRegime.OptIn, portugal.RegimeFor(ConsentPurpose.Profiling, ContactChannel.Post));
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("UK")]
    [InlineData("es")]
    [InlineData("ESP")]
    public void Parse_UnknownCountryCode_NamesTheEntryAndTheCode(string code)
    {
        var message = ProblemsOf(File(Entry(), Entry(name: "Testland", countries: $"\"{code}\"")));

        Assert.Contains($"entry 2 (Testland): '{code}' is not an ISO 3166 two-letter country code", message, StringComparison.Ordinal);
        Assert.StartsWith("The test table has problems", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fax")]
    [InlineData("InPerson")]
    [InlineData("1")]
    public void Parse_UnknownChannel_NamesTheEntryAndTheChannel(string channel)
    {
        var message = ProblemsOf(File(Entry(name: "Mexico", countries: "\"MX\"", marketing: $"\"{channel}\": \"OptOut\"")));

        Assert.Contains($"entry 1 (Mexico): unknown channel '{channel}' in marketing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownRegime_NamesTheEntryAndTheValue()
    {
        var message = ProblemsOf(File(Entry(marketing: "\"Sms\": \"Maybe\"")));

        Assert.Contains("entry 1 (Spain): marketing by Sms is 'Maybe'; it must be OptIn or OptOut", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CountryInTwoEntries_NamesBoth()
    {
        var message = ProblemsOf(File(Entry(name: "EU/EEA", countries: "\"ES\", \"FR\""), Entry(name: "Spain")));

        Assert.Contains("entry 2 (Spain): ES is already listed by entry 1 (EU/EEA)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingCountryRules_AreNotTakenAsFalse()
    {
        var message = ProblemsOf(File(Entry(flags: "\"notes\": \"forgot the flags\"")));

        Assert.Contains("entry 1 (Spain) does not say partnerIncentivesForbidden", message, StringComparison.Ordinal);
        Assert.Contains("entry 1 (Spain) does not say marketingEmailRequiresPriorPersonalContact", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspelledSetting_IsRefusedNotIgnored()
    {
        var message = ProblemsOf(File(Entry(flags: "\"partnerIncentiveForbidden\": true, \"partnerIncentivesForbidden\": false, \"marketingEmailRequiresPriorPersonalContact\": false")));

        Assert.Contains("partnerIncentiveForbidden", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralFaults_AreAllReportedAtOnce()
    {
        var message = ProblemsOf(File(Entry(name: "One", countries: "\"ZZ\""), Entry(name: "Two", countries: "\"MX\"", marketing: "\"Pigeon\": \"OptIn\"")));

        Assert.Contains("entry 1 (One)", message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (Two)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ }")]
    [InlineData("{ \"policies\": [] }")]
    [InlineData("not json")]
    public void Parse_NoPolicies_IsRefused(string json) =>
        Assert.Throws<ConsentPolicyException>(() => ConsentPolicyFile.Parse(json, Source));

    [Fact]
    public void Load_MissingFile_NamesThePathAndTheSetting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-policy-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<ConsentPolicyException>(() => ConsentPolicyFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Consent:PolicyFile", error.Message, StringComparison.Ordinal);
    }
}
