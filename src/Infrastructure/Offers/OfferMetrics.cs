namespace ChatCrm.Infrastructure.Offers;

/// <summary>One answered offer in an evaluation: the card it was on, its score and whether it was accepted.</summary>
public readonly record struct ScoredAnswer(string Card, double Score, bool Accepted);

/// <summary>
/// How well a ranking separates accepted offers from the rest: the area under the ROC curve (0.5 is chance; ties count
/// half, so a ranking that cannot tell offers apart gains nothing from them) and precision at 3 (of the three best-ranked
/// offers on each card, the share accepted, averaged over cards that had more than three offers to rank).
/// </summary>
public static class OfferMetrics
{
    public static double Auc(IReadOnlyList<ScoredAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var positives = answers.Count(a => a.Accepted);
        var negatives = answers.Count - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        // Mann–Whitney: the sum of the positives' ranks, tied scores sharing their average rank.
        var sorted = answers.OrderBy(a => a.Score).ToList();
        double rankSum = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j < sorted.Count && sorted[j].Score.Equals(sorted[i].Score))
                j++;
            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (sorted[k].Accepted)
                    rankSum += averageRank;
            }
            i = j;
        }
        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Precision at <paramref name="k"/> over cards with more than k offers. Ties at the cut are broken by expected
    /// value (each tied offer counts by the share of the remaining places), so equal scores are not ranked by luck.
    /// </summary>
    public static double PrecisionAt(int k, IReadOnlyList<ScoredAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var total = 0.0;
        var cards = 0;
        foreach (var card in answers.GroupBy(a => a.Card, StringComparer.Ordinal))
        {
            var offers = card.ToList();
            if (offers.Count <= k)
                continue;
            cards++;
            var hits = 0.0;
            var places = k;
            foreach (var group in offers.GroupBy(o => o.Score).OrderByDescending(g => g.Key))
            {
                if (places == 0)
                    break;
                var size = group.Count();
                var accepted = group.Count(o => o.Accepted);
                var taken = Math.Min(places, size);
                hits += accepted * (double)taken / size;
                places -= taken;
            }
            total += hits / k;
        }
        return cards == 0 ? double.NaN : total / cards;
    }
}
