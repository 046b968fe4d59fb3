using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tests.Common;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("ES", "ES")]
    [InlineData("es", "ES")]
    [InlineData(" mx ", "MX")]
    [InlineData("US", "US")]
    public void Parse_IsoCode_ReturnsUpperCaseCode(string input, string expected) =>
        Assert.Equal(expected, CountryCode.Parse(input).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("E")]
    [InlineData("ESP")]
    [InlineData("E1")]
    [InlineData("Ñ!")]
    public void Parse_NotTwoLetters_ThrowsWithInput(string? input)
    {
        var error = Assert.Throws<DomainRuleException>(() => CountryCode.Parse(input));
        Assert.Contains("ISO 3166", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{input}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownRegion_ReturnsFalse()
    {
        Assert.False(CountryCode.TryParse("QQ", out var country));
        Assert.Equal(default, country);
    }

    [Fact]
    public void TryParse_ValidCode_ReturnsTrueAndCode()
    {
        Assert.True(CountryCode.TryParse("fr", out var country));
        Assert.Equal("FR", country.ToString());
    }
}
