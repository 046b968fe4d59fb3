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

    [Fact]
    public void Normalize_LoyaltyNumber_IsTrimmedAndUpperCase() =>
        Assert.Equal("AB-123", IdentityNormalizer.Normalize(IdentityKind.LoyaltyNumber, " ab-123 "));

    [Fact]
    public void Normalize_ChatUserId_KeepsCase() =>
        Assert.Equal("U02AbCdE", IdentityNormalizer.Normalize(IdentityKind.SlackUser, " U02AbCdE "));
}
