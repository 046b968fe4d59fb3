namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// A trained propensity model, stored in the database so every bot instance ranks with the same one: the serialized
/// ML.NET model, when it was trained, on how many answered offers (and how many accepted), and how well it did on the
/// newest fifth of that history, held out while a twin was fitted on the rest.
/// </summary>
public sealed class OfferModelVersion
{
    private OfferModelVersion()
    {
        Model = [];
    }

    public OfferModelVersion(Guid id, DateTimeOffset trainedAt, int trainingRows, int acceptedRows, double heldOutAuc, double heldOutPrecisionAt3, byte[] model,
        string acceptanceShares)
    {
        AcceptanceShares = acceptanceShares;
        ArgumentNullException.ThrowIfNull(model);
        Id = id;
        TrainedAt = trainedAt.ToUniversalTime();
        TrainingRows = trainingRows;
        AcceptedRows = acceptedRows;
        HeldOutAuc = heldOutAuc;
        HeldOutPrecisionAt3 = heldOutPrecisionAt3;
        FeatureSchema = OfferFeatureRow.Schema;
        Model = model;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset TrainedAt { get; private set; }

    public int TrainingRows { get; private set; }

    public int AcceptedRows { get; private set; }

    public double HeldOutAuc { get; private set; }

    public double HeldOutPrecisionAt3 { get; private set; }

    /// <summary>The feature layout the model was trained on; a model of another layout is never loaded.</summary>
    public int FeatureSchema { get; private set; }

    public byte[] Model { get; private set; }

    /// <summary>
    /// JSON of <see cref="SimilarCustomerShares"/>: per product and tier, how many answered and how many accepted in the
    /// training history — the "30% of similar customers accepted" on the card, from the same data the model saw.
    /// </summary>
    public string AcceptanceShares { get; private set; } = "{}";
}
