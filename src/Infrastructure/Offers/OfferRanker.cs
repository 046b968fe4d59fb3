using System.Collections.Concurrent;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>A stored model, deserialized once.</summary>
public sealed record LoadedOfferModel(Guid Id, DateTimeOffset TrainedAt, ITransformer Model, SimilarCustomerShares Shares);

/// <summary>
/// The loaded models by version (a singleton): a version is read from the database and deserialized once per instance,
/// then every card it ranks reuses it. Only the newest version is kept; older ones are dropped when a newer one loads.
/// </summary>
public sealed class OfferModelCache
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<LoadedOfferModel>>> _models = new();

    public async Task<LoadedOfferModel> GetAsync(Guid id, Func<Task<LoadedOfferModel>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var entry = _models.GetOrAdd(id, _ => new Lazy<Task<LoadedOfferModel>>(load));
        try
        {
            var model = await entry.Value;
            foreach (var old in _models.Keys.Where(k => k != id))
                _models.TryRemove(old, out _);
            return model;
        }
        catch
        {
            _models.TryRemove(id, out _); // a failed load is tried again next time
            throw;
        }
    }
}

/// <summary>
/// Picks how one customer's offers are ranked: by the newest stored model when the customer's consent allows profiling
/// on the offer's channel (<see cref="ProfilingConsent"/>) and the history holds at least
/// <see cref="OfferOptions.MinimumAnswersForModel"/> answered offers, else by the transparent rules. A model's score is
/// its probability of acceptance; its reasons are the tier, the category and the share of similar customers (same tier)
/// who accepted, when enough of them answered.
/// </summary>
public sealed class OfferRanker(CrmDbContext db, OfferTrainingData data, OfferModelCache cache, IOptions<OfferOptions> options)
{
    public async Task<(OfferRanking Ranking, Func<Offer, OfferScore>? Score)> ForCustomerAsync(
        CustomerId customerId, ConsentSubject consent, ContactChannel channel, OfferCustomerFacts facts, IReadOnlyList<Offer> catalog,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalog);
        var profiling = ProfilingConsent.Evaluate(consent, channel);
        if (!profiling.Allowed)
            return (ProfilingConsent.RankingWithout(profiling), null);
        var settings = options.Value;
        var answered = await db.OfferPresentations.CountAsync(p => p.AnsweredAt != null, ct);
        if (answered < settings.MinimumAnswersForModel)
            return (OfferRanking.ByRules, null);
        var latest = await db.OfferModelVersions.AsNoTracking().Where(m => m.FeatureSchema == OfferFeatureRow.Schema)
            .OrderByDescending(m => m.TrainedAt).Select(m => new { m.Id, m.TrainedAt }).FirstOrDefaultAsync(ct);
        if (latest is null)
            return (OfferRanking.ByRules, null);

        var model = await cache.GetAsync(latest.Id, async () =>
        {
            var stored = await db.OfferModelVersions.AsNoTracking().Where(m => m.Id == latest.Id)
                .Select(m => new { m.Model, m.AcceptanceShares }).SingleAsync(ct);
            return new LoadedOfferModel(latest.Id, latest.TrainedAt, OfferModelTrainer.Load(stored.Model), SimilarCustomerShares.Parse(stored.AcceptanceShares));
        });

        var activity = await data.ReadActivityAsync(customerId, ct);
        var builder = OfferFeatureBuilder.For(catalog);
        var rows = catalog.Select(o => builder.Build(activity, o.ProductCode, o.Category, o.Purpose, now)).ToList();
        var probabilities = OfferModelTrainer.Score(model.Model, rows);
        var scores = new Dictionary<OfferId, OfferScore>();
        for (var i = 0; i < catalog.Count; i++)
        {
            var offer = catalog[i];
            var reasons = new List<LocalizedText>();
            if (facts.Tier is { } tier)
                reasons.Add(OfferWording.TierReason(tier));
            reasons.Add(facts.OwnedCategories.Contains(offer.Category) ? OfferWording.Buys(offer.Category) : OfferWording.NewCategory(offer.Category));
            if (model.Shares.Share(offer.ProductCode, rows[i].Tier, settings.MinimumAnswersForShare) is { } share)
                reasons.Add(OfferWording.SimilarAccepted(share));
            scores[offer.Id] = new OfferScore(probabilities[i], reasons);
        }
        var ranking = new OfferRanking(OfferRankingSource.Model, model.Id, model.TrainedAt);
        return (ranking, offer => scores.TryGetValue(offer.Id, out var score) ? score : OfferRules.RuleScore(offer, facts));
    }
}
