using ChatCrm.Infrastructure.Offers;

namespace ChatCrm.Infrastructure.Tests.Offers;

public sealed class OfferMetricsTests
{
    private static ScoredAnswer A(string card, double score, bool accepted) => new(card, score, accepted);

    [Fact]
    public void Auc_PerfectRanking_IsOneAndReversedIsZero()
    {
        ScoredAnswer[] answers = [A("c", 0.9, true), A("c", 0.8, true), A("c", 0.2, false), A("c", 0.1, false)];

        Assert.Equal(1.0, OfferMetrics.Auc(answers));
        Assert.Equal(0.0, OfferMetrics.Auc([.. answers.Select(a => a with { Score = -a.Score })]));
    }

    [Fact]
    public void Auc_AllTied_IsOneHalf() =>
        Assert.Equal(0.5, OfferMetrics.Auc([A("c", 1, true), A("c", 1, false), A("c", 1, false)]));

    [Fact]
    public void PrecisionAt3_CountsTheTopThreePerCardAndSkipsCardsWithThreeOrFewer()
    {
        ScoredAnswer[] answers =
        [
            A("one", 0.9, true), A("one", 0.8, false), A("one", 0.7, true), A("one", 0.1, true),
            A("small", 0.9, true), A("small", 0.1, true),
        ];

        Assert.Equal(2.0 / 3, OfferMetrics.PrecisionAt(3, answers), 10);
    }

    [Fact]
    public void PrecisionAt3_TiesAtTheCut_CountByTheirShareOfThePlacesLeft()
    {
        // Four tied offers, two accepted, three places: 3 × 2/4 = 1.5 hits of 3.
        ScoredAnswer[] answers = [A("c", 1, true), A("c", 1, true), A("c", 1, false), A("c", 1, false)];

        Assert.Equal(0.5, OfferMetrics.PrecisionAt(3, answers), 10);
    }
}
