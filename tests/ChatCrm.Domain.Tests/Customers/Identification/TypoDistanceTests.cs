using ChatCrm.Domain.Customers.Identification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Customers.Identification;

public sealed class TypoDistanceTests
{
    private static readonly Arbitrary<string> ShortWords = Typos.Word(0, 9).ToArbitrary();

    [Theory]
    [InlineData("nunez", "nunez", 0)]
    [InlineData("nunes", "nunez", 1)]
    [InlineData("nuenz", "nunez", 1)]
    [InlineData("nunz", "nunez", 1)]
    [InlineData("nunezz", "nunez", 1)]
    [InlineData("gonsales", "gonzalez", 2)]
    [InlineData("smtih", "smith", 1)]
    [InlineData("jhonson", "johnson", 1)]
    public void Within_CommonSlips_CountsEachOnce(string typed, string word, int expected) =>
        Assert.Equal(expected, TypoDistance.Within(typed, word, 2));

    [Fact]
    public void Within_BeyondTheLimit_ReturnsLimitPlusOne()
    {
        Assert.Equal(3, TypoDistance.Within("garcia", "lopez", 2));
        Assert.Equal(2, TypoDistance.Within("maria", "marisol", 1));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(12, 2)]
    [InlineData(30, 0)]
    public void Allowed_ByWordLength_ShortWordsGetNoSlack(int length, int expected) =>
        Assert.Equal(expected, TypoDistance.Allowed(length));

    [Property]
    public Property Within_AgreesWithTheFullTableUpToTheLimit() =>
        Prop.ForAll(ShortWords, ShortWords, Gen.Choose(0, 3).ToArbitrary(), (a, b, max) =>
            TypoDistance.Within(a, b, max) == Math.Min(FullDistance(a, b), max + 1));

    [Property]
    public Property Within_WordWithOneSlip_IsAtMostOne() =>
        Prop.ForAll(Typos.WordWithSlips(maxSlips: 1), pair => TypoDistance.Within(pair.Word, pair.Slipped, 2) <= 1);

    [Property]
    public Property Within_IsSymmetric() =>
        Prop.ForAll(ShortWords, ShortWords, (a, b) => TypoDistance.Within(a, b, 2) == TypoDistance.Within(b, a, 2));

    /// <summary>The textbook optimal-string-alignment table, without a cut-off: the reference the fast one must agree with.</summary>
    private static int FullDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
