using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Customers;

public sealed class IdentityNormalizerTests
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    [Theory]
    [InlineData("  Ana.Lopez@Ejemplo.ES ", "ana.lopez@ejemplo.es")]
    [InlineData("MARIA@CORREO.COM", "maria@correo.com")]
    public void Normalize_Email_IsTrimmedAndLowerCase(string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Normalize(IdentityKind.Email, raw));

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@ejemplo.es")]
    [InlineData("ana lopez@ejemplo.es")]
    public void Normalize_NotAnEmail_Throws(string raw)
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.Email, raw));
        Assert.Contains("is not an e-mail address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("600 123 456")]
    [InlineData("600-12-34-56")]
    [InlineData("(600) 123456")]
    public void Normalize_NationalPhoneWithDefaultRegion_ReturnsE164(string raw) =>
        Assert.Equal("+34600123456", IdentityNormalizer.Normalize(IdentityKind.Phone, raw, Spain));

    [Theory]
    [InlineData("+34 600 123 456", "+34600123456")]
    [InlineData("+52 55 1234 5678", "+525512345678")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    public void Normalize_PhoneWithExplicitCountryCode_IgnoresDefaultRegion(string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Normalize(IdentityKind.Phone, raw, Spain));

    [Fact]
    public void Normalize_NationalPhoneWithoutRegion_ThrowsAskingForCountryCode()
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.Phone, "600 123 456"));
        Assert.Contains("include the country code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("12")]
    public void Normalize_InvalidPhone_ThrowsHelpfulMessage(string raw)
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.Phone, raw, Spain));
        Assert.Contains($"'{raw}' is not a phone number I can read", error.Message, StringComparison.Ordinal);
        Assert.Contains("+34 600 123 456", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdentityKind.Email, "e-mail address")]
    [InlineData(IdentityKind.Phone, "phone number")]
    [InlineData(IdentityKind.SlackUser, "Slack user id")]
    public void Normalize_Blank_ThrowsNamingTheKind(IdentityKind kind, string described)
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(kind, "   "));
        Assert.Equal($"The {described} cannot be empty.", error.Message);
    }

    [Fact]
    public void Normalize_TooLong_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.ExternalId, new string('x', 201)));
        Assert.Contains("longer than 200 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdentityKind.LoyaltyNumber, " ab-123 ", "AB-123")]
    [InlineData(IdentityKind.LoyaltyNumber, "cc 000 000 123", "CC000000123")]
    [InlineData(IdentityKind.ExternalId, " erp-es-0001 2345 ", "ERP-ES-00012345")]
    public void Normalize_LoyaltyNumberOrExternalId_IsUpperCaseWithoutSpaces(IdentityKind kind, string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Normalize(kind, raw));

    [Theory]
    [InlineData(" 0B3F6A2E-8F54-4C55-9D1E-4A1F2C3D4E5F ")]
    [InlineData("{0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f}")]
    [InlineData("0b3f6a2e8f544c559d1e4a1f2c3d4e5f")]
    public void Normalize_TeamsUser_IsALowerCaseGuid(string raw) =>
        Assert.Equal("0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f", IdentityNormalizer.Normalize(IdentityKind.TeamsUser, raw));

    [Fact]
    public void Normalize_TeamsUserNotAGuid_ThrowsShowingTheForm()
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.TeamsUser, "29:1abc"));
        Assert.Contains("is not a Teams user id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" t024be7ld:u012ab3cd ", "T024BE7LD:U012AB3CD")]
    [InlineData("T024BE7LD : U012AB3CD", "T024BE7LD:U012AB3CD")]
    public void Normalize_SlackUser_IsTeamColonUserInUpperCase(string raw, string expected) =>
        Assert.Equal(expected, IdentityNormalizer.Normalize(IdentityKind.SlackUser, raw));

    [Theory]
    [InlineData("U012AB3CD")]
    [InlineData("T024BE7LD:")]
    [InlineData("T1:U2:X3")]
    [InlineData("T-1:U2")]
    public void Normalize_SlackUserWithoutTeam_ThrowsAskingForTeamAndUser(string raw)
    {
        var error = Assert.Throws<DomainRuleException>(() => IdentityNormalizer.Normalize(IdentityKind.SlackUser, raw));
        Assert.Contains("TEAM:USER", error.Message, StringComparison.Ordinal);
    }
}
