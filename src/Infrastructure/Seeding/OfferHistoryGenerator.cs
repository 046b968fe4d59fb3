using Bogus;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Offers;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// Past offer cards with the customers' answers, so the propensity model has a history to learn from. About half the
/// customers had one or two cards of four to six offers they did not own then, each answered. Whether an offer was
/// accepted depends on the customer's features at that moment, the way sales people describe it: customers accept more
/// in categories they already buy from, when they spend more, ordered recently and talk to us often; service offers
/// land with customers who own something; big-ticket services go to big spenders and training and partner financing to
/// small ones. The rules-only ranking sees only the first two, so a model has something real to find.
/// <para>
/// It draws from its own randomizer (seeded from the run's seed), so adding it left every other generated value as it
/// was; the same seed gives the same history.
/// </para>
/// </summary>
internal sealed class OfferHistoryGenerator
{
    private readonly Randomizer _random;
    private readonly IReadOnlyList<DemoOffer> _offers;
    private readonly OfferFeatureBuilder _features;
    private readonly DateTimeOffset _now;

    public OfferHistoryGenerator(int randomSeed, IReadOnlyList<DemoOffer> offers, DateTimeOffset now)
    {
        _random = new Randomizer(unchecked(randomSeed * 31 + 6));
        _offers = offers;
        _features = OfferFeatureBuilder.For(offers.Select(o => o.Offer));
        _now = now;
    }

    public void AddHistory(Customer customer, User owner, IEnumerable<Order> orders, IEnumerable<Interaction> interactions,
        List<OfferPresentation> presentations, List<OfferAnswer> answers)
    {
        var cards = _random.Number(0, 3) switch { 0 or 1 => 0, 2 => 1, _ => 2 };
        var earliest = customer.CreatedAt.AddDays(30);
        if (cards == 0 || earliest >= _now)
            return;
        var activity = new CustomerActivity(null,
            [.. orders.Select(o => new OrderFact(o.ProductCode, o.Amount, o.PlacedAt))],
            [.. interactions.Select(i => i.OccurredAt)], []);

        for (var card = 0; card < cards; card++)
        {
            var at = _random.Between(earliest, _now);
            at = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var owned = activity.Orders.Where(o => o.PlacedAt < at).Select(o => o.ProductCode).ToHashSet(StringComparer.Ordinal);
            var candidates = _offers.Where(o => !owned.Contains(o.Offer.ProductCode)).ToList();
            var shown = _random.Shuffle(candidates).Take(_random.Number(4, 6)).ToList();
            var chat = _random.Bool() ? "Teams" : "Slack";
            foreach (var offer in shown)
            {
                var row = _features.Build(activity, offer.Offer.ProductCode, offer.Offer.Category, offer.Offer.Purpose, at);
                var presentation = new OfferPresentation(OfferPresentationId.New(), customer.Id, offer.Offer.Id, owner.Id, at, chat,
                    ContactChannel.Email, OfferRankingSource.Rules, null);
                var response = _random.Double() < AcceptanceProbability(row, offer.Offer.ProductCode)
                    ? OfferResponse.Accepted
                    : _random.Bool(0.4f) ? OfferResponse.Declined : OfferResponse.NotNow;
                var answeredAt = at.AddMinutes(_random.Number(1, 90));
                answers.Add(presentation.Answer(response, owner.Id, answeredAt > _now ? at : answeredAt).Row!);
                presentations.Add(presentation);
            }
        }
    }

    /// <summary>The seeded truth: a logistic function of the features (see the class summary).</summary>
    internal static double AcceptanceProbability(OfferFeatureRow row, string productCode)
    {
        var spend = row.SpendLast12MonthsLog;
        var z = -2.2
            + (1.1 * row.OwnsOfferCategory)
            + (0.35 * Math.Clamp(spend - 7, -3, 5))
            + (row.DaysSinceLastOrder < 120 ? 0.7 : -0.3)
            + (0.35 * Math.Min(row.InteractionsLast90Days, 4))
            + (row.IsService > 0 && row.CategoriesOwned > 0 ? 0.9 : 0);
        z += row.OfferCategory switch
        {
            DemoOfferCatalog.Services when productCode == "PT-FINANCE" => spend < 8 ? 1.0 : -0.8,
            DemoOfferCatalog.Services => spend > 9 ? 0.8 : -0.6,
            DemoOfferCatalog.Training => spend < 8 ? 0.6 : -0.2,
            _ => 0,
        };
        return 1 / (1 + Math.Exp(-z));
    }
}
