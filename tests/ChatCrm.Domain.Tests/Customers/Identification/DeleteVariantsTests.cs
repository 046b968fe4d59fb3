using ChatCrm.Domain.Customers.Identification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Customers.Identification;

public sealed class DeleteVariantsTests
{
    [Fact]
    public void Of_FiveLetterWord_IsTheWordAndItsSingleDeletions() =>
        Assert.Equal(
            new[] { "nnez", "nuez", "nune", "nunez", "nunz", "unez" },
            DeleteVariants.Of("nunez").Order(StringComparer.Ordinal));

    [Fact]
    public void Of_ShortWord_IsOnlyTheWordItself() => Assert.Equal(["ana"], DeleteVariants.Of("ana"));

    [Fact]
    public void Of_TwoDeletions_NeverYieldsAnEmptyString() => Assert.DoesNotContain("", DeleteVariants.Of("ab", 2));

    [Fact]
    public void Of_TypoAndTheWord_ShareAVariant() =>
        Assert.NotEmpty(DeleteVariants.Of("nunes").Intersect(DeleteVariants.Of("nunez")));

    /// <summary>The property the index relies on: words within the allowed slips always share a stored variant.</summary>
    [Property]
    public Property Of_WordsWithinTheAllowedSlips_ShareAVariant() =>
        Prop.ForAll(Typos.WordWithSlips(maxSlips: 3), pair =>
        {
            var (a, b) = pair;
            var allowed = TypoDistance.Allowed(a, b);
            var close = TypoDistance.Within(a, b, allowed) <= allowed;
            return (!close || DeleteVariants.Of(a).Overlaps(DeleteVariants.Of(b))).Label($"{a} / {b}");
        });
}
