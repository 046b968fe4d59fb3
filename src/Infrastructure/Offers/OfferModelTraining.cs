using System.Diagnostics;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>What <see cref="OfferModelTraining.EvaluateAsync"/> measured on the held-out, newer part of the history.</summary>
public sealed record OfferEvaluation(int TrainRows, int TestRows, int TestCards, double ModelAuc, double RulesAuc, double ModelPrecisionAt3, double RulesPrecisionAt3,
    DateTimeOffset SplitAt, TimeSpan Elapsed);

/// <summary>Why there is no model: too little or one-sided history.</summary>
public sealed class NotEnoughOfferHistoryException(string message) : InvalidOperationException(message);

/// <summary>
/// Trains the propensity model on every answered offer and stores it as a new <see cref="OfferModelVersion"/>, and
/// evaluates it on a time split (fit on the older 80%, tested on the newer 20%, never splitting a card) against the
/// rules-only ranking. The <c>train</c> and <c>evaluate</c> commands call it; a scheduled retraining job can too.
/// </summary>
public sealed partial class OfferModelTraining(CrmDbContext db, OfferTrainingData data, TimeProvider time, ILogger<OfferModelTraining> logger)
{
    public const string TrainingStage = "training";
    public const double TrainShare = 0.8;

    /// <summary>Below this many answered offers (or without both outcomes) no model is fitted.</summary>
    public const int MinimumExamples = 200;

    public async Task<OfferModelVersion> TrainAsync(IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var examples = await ReadEnoughAsync(progress, ct);
        var evaluation = Evaluate(examples, progress);
        progress?.Report(new SeedProgress(TrainingStage, 0, 1));
        var model = OfferModelTrainer.Fit([.. examples.Select(e => e.Row)]);
        progress?.Report(new SeedProgress(TrainingStage, 1, 1));
        var version = new OfferModelVersion(Guid.CreateVersion7(), time.GetUtcNow(), examples.Count, examples.Count(e => e.Row.Label),
            evaluation.ModelAuc, evaluation.ModelPrecisionAt3, OfferModelTrainer.Save(model), SimilarCustomerShares.From(examples.Select(e => e.Row)).ToJson());
        db.OfferModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        LogTrained(logger, version.Id, version.TrainingRows, version.HeldOutAuc);
        return version;
    }

    public async Task<OfferEvaluation> EvaluateAsync(IProgress<SeedProgress>? progress, CancellationToken ct) =>
        Evaluate(await ReadEnoughAsync(progress, ct), progress);

    private async Task<IReadOnlyList<TrainingExample>> ReadEnoughAsync(IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var examples = await data.ReadAsync(progress, ct);
        var accepted = examples.Count(e => e.Row.Label);
        if (examples.Count < MinimumExamples || accepted == 0 || accepted == examples.Count)
        {
            throw new NotEnoughOfferHistoryException(
                $"There are {examples.Count:N0} answered offers ({accepted:N0} accepted); a model needs at least {MinimumExamples:N0} with both outcomes.");
        }
        return examples;
    }

    private static OfferEvaluation Evaluate(IReadOnlyList<TrainingExample> examples, IProgress<SeedProgress>? progress)
    {
        var stopwatch = Stopwatch.StartNew();
        // The split falls between two moments, so every card is wholly on one side.
        var splitAt = examples[(int)(examples.Count * TrainShare)].PresentedAt;
        var train = examples.Where(e => e.PresentedAt < splitAt).ToList();
        var test = examples.Where(e => e.PresentedAt >= splitAt).ToList();
        if (train.Count == 0 || train.All(e => e.Row.Label) || !train.Any(e => e.Row.Label))
            throw new NotEnoughOfferHistoryException("The older part of the history has only one outcome; nothing can be learned from it.");

        progress?.Report(new SeedProgress(TrainingStage, 0, 1));
        var model = OfferModelTrainer.Fit([.. train.Select(e => e.Row)]);
        progress?.Report(new SeedProgress(TrainingStage, 1, 1));
        var probabilities = OfferModelTrainer.Score(model, [.. test.Select(e => e.Row)]);
        var byModel = test.Select((e, i) => new ScoredAnswer(e.Card, probabilities[i], e.Row.Label)).ToList();
        var byRules = test.Select(e => new ScoredAnswer(e.Card, e.RuleScore, e.Row.Label)).ToList();
        return new OfferEvaluation(train.Count, test.Count, test.Select(e => e.Card).Distinct(StringComparer.Ordinal).Count(),
            OfferMetrics.Auc(byModel), OfferMetrics.Auc(byRules), OfferMetrics.PrecisionAt(3, byModel), OfferMetrics.PrecisionAt(3, byRules),
            splitAt, stopwatch.Elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained offer model {ModelId} on {Rows} answered offers (held-out AUC {Auc:F3})")]
    private static partial void LogTrained(ILogger logger, Guid modelId, int rows, double auc);
}
