using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// The next-best offers for one customer as of now: reads the facts the eligibility rules need (owned products and
/// categories, tier, each offer's answer history), the channel the offer would go out on (the last distance channel,
/// e-mail when none), the customer's consents, and the ranking (model or rules), then runs <see cref="OfferRules"/>.
/// Shared by <c>offers</c>, <c>suggestions</c> and the pushed event card, so a queued suggestion is re-checked exactly
/// like a fresh card; the event card asks only among the offers the catalogue says answer its event.
/// </summary>
public sealed class OfferSuggester(CrmDbContext db, ConsentSubjectReader consents, OfferRanker ranker, IOptions<OfferOptions> options)
{
    /// <summary>Interaction channels an offer can go out on; face-to-face ones cannot.</summary>
    private static readonly InteractionChannel[] DistanceChannels =
        Enum.GetValues<InteractionChannel>().Where(c => c.ToContactChannel() is not null).ToArray();

    /// <param name="answering">Only offers that answer this event (<see cref="Offer.AnswersTriggers"/>); null for the whole catalogue.</param>
    public async Task<(OfferSuggestions Suggestions, OfferRanking Ranking)> SuggestAsync(Customer customer, DateTimeOffset now, CancellationToken ct,
        OfferTriggerKind? answering = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var catalog = await db.Offers.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        if (answering is { } kind)
            catalog = [.. catalog.Where(o => o.AnswersTriggers.Contains(kind))];
        var allOffers = await db.Offers.AsNoTracking().Select(o => new { o.ProductCode, o.Category }).ToListAsync(ct);
        var owned = (await db.Orders.Where(o => o.CustomerId == customer.Id).Select(o => o.ProductCode).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var ownedCategories = allOffers.Where(o => owned.Contains(o.ProductCode)).Select(o => o.Category).ToHashSet(StringComparer.Ordinal);
        var tier = await db.CustomerValues.Where(v => v.CustomerId == customer.Id).Select(v => (ValueTier?)v.Tier).FirstOrDefaultAsync(ct);
        var answered = await db.OfferPresentations.AsNoTracking().Where(p => p.CustomerId == customer.Id && p.AnsweredAt != null)
            .Select(p => new { p.OfferId, p.Response, p.AnsweredAt }).ToListAsync(ct);
        var history = answered.GroupBy(p => p.OfferId).ToDictionary(g => g.Key, g => new OfferHistory(
            g.Where(p => p.Response == OfferResponse.Declined).Max(p => p.AnsweredAt), g.Max(p => p.AnsweredAt)));
        var facts = new OfferCustomerFacts(tier, customer.Country, owned, ownedCategories, history);

        var lastChannel = await db.Interactions.Where(i => i.CustomerId == customer.Id && DistanceChannels.Contains(i.Channel))
            .OrderByDescending(i => i.OccurredAt).Select(i => (InteractionChannel?)i.Channel).FirstOrDefaultAsync(ct);
        var channel = lastChannel?.ToContactChannel() ?? ContactChannel.Email;

        var subject = await consents.ReadAsync(customer, now, ct);
        var (ranking, score) = await ranker.ForCustomerAsync(customer.Id, subject, channel, facts, catalog, now, ct);
        return (OfferRules.Suggest(catalog, facts, subject, channel, options.Value.ToPolicy(), now, ranking, score), ranking);
    }
}
