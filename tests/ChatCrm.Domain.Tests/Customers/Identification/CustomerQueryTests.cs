using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Domain.Tests.Customers.Identification;

public sealed class CustomerQueryTests
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    [Fact]
    public void Parse_NameCommaCompany_SplitsNameWordsFromCompanyWords()
    {
        var query = CustomerQuery.Parse("María Núñez, Acme Ibérica", Spain);

        Assert.Null(query.Problem);
        Assert.Equal(["maria", "nunez"], query.NameWords);
        Assert.Equal(["acme", "iberica"], query.CompanyWords);
        Assert.True(query.NamesCompany);
        Assert.Empty(query.Handles);
    }

    [Fact]
    public void Parse_WordsWithoutComma_AreAllNameOrCompanyWords()
    {
        var query = CustomerQuery.Parse("  mario   PEÑALARA ", Spain);

        Assert.Equal(["mario", "penalara"], query.NameWords);
        Assert.Empty(query.CompanyWords);
        Assert.False(query.NamesCompany);
    }

    [Theory]
    [InlineData("+34 600 123 456")]
    [InlineData("600 123 456")]
    [InlineData("(600) 12-34-56")]
    public void Parse_Phone_IsOneE164Handle(string text)
    {
        var query = CustomerQuery.Parse(text, Spain);

        var handle = Assert.Single(query.Handles);
        Assert.Equal([IdentityKind.Phone], handle.Kinds);
        Assert.Equal("+34600123456", handle.Value);
        Assert.Empty(query.Words);
    }

    [Fact]
    public void Parse_NationalPhoneWithoutRegion_AsksForTheCountryCode()
    {
        var query = CustomerQuery.Parse("600 123 456", defaultRegion: null);

        Assert.Contains("include the country code", query.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Email_IsLowerCaseHandle()
    {
        var query = CustomerQuery.Parse(" Maria.Nunez@ACME.es ", Spain);

        var handle = Assert.Single(query.Handles);
        Assert.Equal(new QueryHandle(IdentityKind.Email, "maria.nunez@acme.es").Value, handle.Value);
        Assert.Equal([IdentityKind.Email], handle.Kinds);
    }

    [Theory]
    [InlineData("cc000000123", "CC000000123")]
    [InlineData("ERP-ES-00000042", "ERP-ES-00000042")]
    public void Parse_CodeWithDigits_IsALoyaltyNumberOrExternalId(string text, string expected)
    {
        var handle = Assert.Single(CustomerQuery.Parse(text, Spain).Handles);

        Assert.Equal(expected, handle.Value);
        Assert.Equal([IdentityKind.LoyaltyNumber, IdentityKind.ExternalId], handle.Kinds);
    }

    [Fact]
    public void Parse_Guid_IsATeamsUserOrExternalId()
    {
        var handles = CustomerQuery.Parse("0B3F6A2E-8F54-4C55-9D1E-4A1F2C3D4E5F", Spain).Handles;

        Assert.Contains(handles, h => h.Kinds.Contains(IdentityKind.TeamsUser) && h.Value == "0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f");
    }

    [Fact]
    public void Parse_SlackTeamAndUser_IsASlackHandle()
    {
        var handle = Assert.Single(CustomerQuery.Parse("t024be7ld:u012ab3cd", Spain).Handles);

        Assert.Equal([IdentityKind.SlackUser], handle.Kinds);
        Assert.Equal("T024BE7LD:U012AB3CD", handle.Value);
    }

    [Fact]
    public void Parse_NameAndEmail_KeepsBoth()
    {
        var query = CustomerQuery.Parse("María maria@acme.es", Spain);

        Assert.Equal(["maria"], query.NameWords);
        Assert.Equal("maria@acme.es", Assert.Single(query.Handles).Value);
    }

    [Theory]
    [InlineData("", "Tell me who")]
    [InlineData("   ", "Tell me who")]
    [InlineData("¿?", "Type some letters")]
    public void Parse_NothingToSearch_SaysWhatToType(string text, string expected) =>
        Assert.StartsWith(expected, CustomerQuery.Parse(text, Spain).Problem, StringComparison.Ordinal);

    [Fact]
    public void Parse_TooLong_SaysTheLimit() =>
        Assert.Contains("keep it under 200", CustomerQuery.Parse(new string('a', 201), Spain).Problem, StringComparison.Ordinal);
}
