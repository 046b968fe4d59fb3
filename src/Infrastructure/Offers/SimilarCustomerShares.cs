using System.Globalization;
using System.Text.Json;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// How often customers of each tier accepted each offer, keyed "PRODUCT|tier" (tier -1 when never calculated): a fact a
/// rep can say out loud, unlike a model's probability.
/// </summary>
public sealed class SimilarCustomerShares
{
    private readonly Dictionary<string, int[]> _counts;

    private SimilarCustomerShares(Dictionary<string, int[]> counts) => _counts = counts;

    public static SimilarCustomerShares From(IEnumerable<OfferFeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = Key(row.ProductCode, row.Tier);
            if (!counts.TryGetValue(key, out var pair))
                counts[key] = pair = new int[2];
            pair[0]++;
            if (row.Label)
                pair[1]++;
        }
        return new SimilarCustomerShares(counts);
    }

    public static SimilarCustomerShares Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, int[]>>(json) ?? new Dictionary<string, int[]>(StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(_counts);

    /// <summary>The share that accepted among those of the tier who answered, when at least <paramref name="minimumAnswers"/> did.</summary>
    public double? Share(string productCode, float tier, int minimumAnswers) =>
        _counts.TryGetValue(Key(productCode, tier), out var pair) && pair.Length == 2 && pair[0] >= minimumAnswers ? (double)pair[1] / pair[0] : null;

    private static string Key(string productCode, float tier) => productCode + "|" + ((int)tier).ToString(CultureInfo.InvariantCulture);
}
