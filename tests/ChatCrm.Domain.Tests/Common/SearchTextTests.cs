using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tests.Common;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("María Núñez", "maria nunez")]
    [InlineData("ñ", "n")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("JOSÉ ÁNGEL", "jose angel")]
    [InlineData("François Gaël Müller", "francois gael muller")]
    [InlineData("Søren Łukasz Đorđe", "soren lukasz dorde")]
    public void Fold_AccentsAndCase_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Theory]
    [InlineData("O'Brien, Ana-María", "o brien ana maria")]
    [InlineData("Ferretería «El Clavo» S.L.", "ferreteria el clavo s l")]
    [InlineData("¿Quién? ¡Yo!", "quien yo")]
    public void Fold_Punctuation_BecomesSingleSpaces(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Theory]
    [InlineData("  Ana \t  López\n", "ana lopez")]
    [InlineData("Ana\u00A0López", "ana lopez")]
    [InlineData("...Ana...", "ana")]
    public void Fold_Whitespace_IsCollapsedAndTrimmed(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Fold_NullOrBlank_ReturnsEmpty(string? text) =>
        Assert.Equal(string.Empty, SearchText.Fold(text));

    [Fact]
    public void Fold_EmailAndPhoneSigns_AreKept() =>
        Assert.Equal("ana@ejemplo es +34 600", SearchText.Fold("Ana@Ejemplo.es +34-600"));

    [Fact]
    public void Terms_RepeatedWords_AreReturnedOnceInOrder() =>
        Assert.Equal(["ana", "lopez", "garcia"], SearchText.Terms("Ana López ana García LÓPEZ"));
}
