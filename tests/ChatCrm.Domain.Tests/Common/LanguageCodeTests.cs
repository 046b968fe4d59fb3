using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tests.Common;

public sealed class LanguageCodeTests
{
    [Theory]
    [InlineData("es", "es")]
    [InlineData("EN", "en")]
    [InlineData(" pt ", "pt")]
    [InlineData("ca", "ca")]
    public void Parse_IsoCode_ReturnsLowerCaseCode(string input, string expected) =>
        Assert.Equal(expected, LanguageCode.Parse(input).Value);

    [Fact]
    public void Parse_Spanish_EqualsWellKnownValue() =>
        Assert.Equal(LanguageCode.Spanish, LanguageCode.Parse("ES"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("spa")]
    [InlineData("es-ES")]
    [InlineData("e5")]
    [InlineData("qq")]
    [InlineData("zz")]
    public void Parse_NotAKnownTwoLetterCode_ThrowsWithInput(string? input)
    {
        var error = Assert.Throws<DomainRuleException>(() => LanguageCode.Parse(input));
        Assert.Contains("two-letter language code", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{input}'", error.Message, StringComparison.Ordinal);
    }
}
