using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>One answered offer ready to learn from: its card (customer and moment), features as of then, and the rules' score.</summary>
public sealed record TrainingExample(string Card, DateTimeOffset PresentedAt, OfferFeatureRow Row, double RuleScore);

/// <summary>
/// Reads the answered offers and each customer's history from the database and turns them into
/// <see cref="TrainingExample"/>s in time order, features computed as of each offer's moment. An offer whose customer
/// does not (or no longer does) allow profiling on the channel it went out on (<see cref="ProfilingConsent"/>, as
/// their consent stands now) is left out: the model learns nothing from their behaviour.
/// </summary>
public sealed class OfferTrainingData(CrmDbContext db, ConsentPolicyTable policies)
{
    public const string Stage = "answered offers";

    public async Task<IReadOnlyList<TrainingExample>> ReadAsync(IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var catalog = await db.Offers.AsNoTracking().ToListAsync(ct);
        var offers = catalog.ToDictionary(o => o.Id);
        var features = OfferFeatureBuilder.For(catalog);
        var categoryOf = catalog.ToDictionary(o => o.ProductCode, o => o.Category, StringComparer.Ordinal);

        var answered = await db.OfferPresentations.AsNoTracking().Where(p => p.Response != null)
            .Select(p => new { p.CustomerId, p.OfferId, p.PresentedAt, p.Response, p.ContactChannel })
            .ToListAsync(ct);
        var profiling = await ReadProfilingAsync(ct);
        answered = [.. answered.Where(p => profiling.Allows(p.CustomerId, p.ContactChannel)).OrderBy(p => p.PresentedAt).ThenBy(p => p.CustomerId.Value).ThenBy(p => p.OfferId.Value)];
        progress?.Report(new SeedProgress(Stage, 0, answered.Count));

        var activity = await ReadActivityAsync(ct);
        var examples = new List<TrainingExample>(answered.Count);
        foreach (var p in answered)
        {
            if (!offers.TryGetValue(p.OfferId, out var offer))
                continue;
            var history = activity.GetValueOrDefault(p.CustomerId) ?? CustomerActivity.Empty;
            var row = features.Build(history, offer.ProductCode, offer.Category, offer.Purpose, p.PresentedAt, p.Response == OfferResponse.Accepted);
            var ownedCodes = history.Orders.Where(o => o.PlacedAt < p.PresentedAt).Select(o => o.ProductCode).ToHashSet(StringComparer.Ordinal);
            var facts = new OfferCustomerFacts(history.Tier, default, ownedCodes,
                ownedCodes.Select(c => categoryOf.GetValueOrDefault(c)).OfType<string>().ToHashSet(StringComparer.Ordinal),
                new Dictionary<OfferId, OfferHistory>());
            var card = $"{p.CustomerId.Value:N}:{p.PresentedAt.UtcTicks}";
            examples.Add(new TrainingExample(card, p.PresentedAt, row, OfferRules.RuleScore(offer, facts).Score));
            if (examples.Count % 10_000 == 0)
                progress?.Report(new SeedProgress(Stage, examples.Count, answered.Count));
        }
        progress?.Report(new SeedProgress(Stage, answered.Count, answered.Count));
        return examples;
    }

    /// <summary>Every customer's country and consent history, to ask <see cref="ProfilingConsent"/> about each answered offer.</summary>
    private async Task<ProfilingPermissions> ReadProfilingAsync(CancellationToken ct)
    {
        var countries = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.Country }).ToDictionaryAsync(c => c.Id, c => c.Country, ct);
        var histories = (await db.ConsentRecords.AsNoTracking().Where(r => r.Purpose == ConsentPurpose.Profiling).ToListAsync(ct))
            .ToLookup(r => r.CustomerId);
        return new ProfilingPermissions(id => countries.TryGetValue(id, out var country)
            ? new ConsentSubject(policies.For(country), [.. histories[id]], HadPriorPersonalContact: false)
            : null);
    }

    /// <summary>Whether a customer allows profiling on a channel, each customer's subject built once.</summary>
    private sealed class ProfilingPermissions(Func<CustomerId, ConsentSubject?> subjectOf)
    {
        private readonly Dictionary<CustomerId, ConsentSubject?> _subjects = [];

        public bool Allows(CustomerId customer, ContactChannel channel)
        {
            if (!_subjects.TryGetValue(customer, out var subject))
                _subjects[customer] = subject = subjectOf(customer);
            return subject is not null && ProfilingConsent.Evaluate(subject, channel).Allowed;
        }
    }

    /// <summary>One customer's history as of now, for scoring a card.</summary>
    public async Task<CustomerActivity> ReadActivityAsync(CustomerId customerId, CancellationToken ct)
    {
        var tier = await db.CustomerValues.Where(v => v.CustomerId == customerId).Select(v => (ValueTier?)v.Tier).FirstOrDefaultAsync(ct);
        var orders = await db.Orders.Where(o => o.CustomerId == customerId)
            .Select(o => new { o.ProductCode, o.Amount, o.PlacedAt }).ToListAsync(ct);
        var interactions = await db.Interactions.Where(i => i.CustomerId == customerId).Select(i => i.OccurredAt).ToListAsync(ct);
        var cases = await db.SupportCases.Where(c => c.CustomerId == customerId).Select(c => c.CreatedAt).ToListAsync(ct);
        return new CustomerActivity(tier, [.. orders.Select(o => new OrderFact(o.ProductCode, o.Amount, o.PlacedAt))], interactions, cases);
    }

    /// <summary>Every customer's history (orders, interactions, cases, current tier), read once in four streaming queries.</summary>
    private async Task<Dictionary<CustomerId, CustomerActivity>> ReadActivityAsync(CancellationToken ct)
    {
        var tiers = await db.CustomerValues.AsNoTracking().Select(v => new { v.CustomerId, v.Tier }).ToDictionaryAsync(v => v.CustomerId, v => v.Tier, ct);
        var orders = new Dictionary<CustomerId, List<OrderFact>>();
        await foreach (var o in db.Orders.AsNoTracking().Select(o => new { o.CustomerId, o.ProductCode, o.Amount, o.PlacedAt }).AsAsyncEnumerable().WithCancellation(ct))
            Add(orders, o.CustomerId, new OrderFact(o.ProductCode, o.Amount, o.PlacedAt));
        var interactions = new Dictionary<CustomerId, List<DateTimeOffset>>();
        await foreach (var i in db.Interactions.AsNoTracking().Select(i => new { i.CustomerId, i.OccurredAt }).AsAsyncEnumerable().WithCancellation(ct))
            Add(interactions, i.CustomerId, i.OccurredAt);
        var cases = new Dictionary<CustomerId, List<DateTimeOffset>>();
        await foreach (var c in db.SupportCases.AsNoTracking().Select(c => new { c.CustomerId, c.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
            Add(cases, c.CustomerId, c.CreatedAt);

        var all = new Dictionary<CustomerId, CustomerActivity>();
        foreach (var id in orders.Keys.Concat(interactions.Keys).Concat(cases.Keys).Concat(tiers.Keys).Distinct())
        {
            all[id] = new CustomerActivity(tiers.TryGetValue(id, out var tier) ? tier : null,
                orders.GetValueOrDefault(id) ?? [], interactions.GetValueOrDefault(id) ?? [], cases.GetValueOrDefault(id) ?? []);
        }
        return all;
    }

    private static void Add<T>(Dictionary<CustomerId, List<T>> into, CustomerId id, T item)
    {
        if (!into.TryGetValue(id, out var list))
            into[id] = list = [];
        list.Add(item);
    }
}
