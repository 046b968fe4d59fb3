using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// Fits, scores, saves and loads the propensity model: LightGBM binary classification over <see cref="OfferFeatureRow"/>
/// (the offer's category and product one-hot encoded). Seeded and single-threaded, so the same history gives the same
/// model on every machine, and small (a few hundred trees of 16 leaves), so it trains in seconds on 100,000 answers.
/// </summary>
public static class OfferModelTrainer
{
    private const int Seed = 20261124;

    public static ITransformer Fit(IReadOnlyList<OfferFeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("OfferCategoryKey", nameof(OfferFeatureRow.OfferCategory))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ProductCodeKey", nameof(OfferFeatureRow.ProductCode)))
            .Append(ml.Transforms.Concatenate("Features",
                nameof(OfferFeatureRow.Tier), nameof(OfferFeatureRow.DaysSinceLastOrder), nameof(OfferFeatureRow.OrdersLast12Months),
                nameof(OfferFeatureRow.SpendLast12MonthsLog), nameof(OfferFeatureRow.CategoriesOwned), nameof(OfferFeatureRow.OwnsOfferCategory),
                nameof(OfferFeatureRow.IsService), nameof(OfferFeatureRow.InteractionsLast90Days), nameof(OfferFeatureRow.CasesLast90Days),
                "OfferCategoryKey", "ProductCodeKey"))
            .Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = nameof(OfferFeatureRow.Label),
                FeatureColumnName = "Features",
                NumberOfLeaves = 16,
                NumberOfIterations = 150,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.05,
                NumberOfThreads = 1,
                Seed = Seed,
            }));
        return pipeline.Fit(data);
    }

    /// <summary>The probability of acceptance of each row, in order.</summary>
    public static float[] Score(ITransformer model, IReadOnlyList<OfferFeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];
        var ml = new MLContext(Seed);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. scored.GetColumn<float>("Probability")];
    }

    public static byte[] Save(ITransformer model)
    {
        var ml = new MLContext(Seed);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<OfferFeatureRow>()).Schema;
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    public static ITransformer Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext(Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        return ml.Model.Load(stream, out _);
    }
}
