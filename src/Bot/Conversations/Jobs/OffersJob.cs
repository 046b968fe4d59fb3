using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>
/// "offers &lt;customer&gt;": the next-best offers from the catalog. The eligibility rules (owned, tier, country,
/// cooling-off after a decline, made this week) and the consent rule (the customer's will, their country's policy,
/// partner incentives, an earlier visit, call or meeting) hold offers back with the reason; the rest are ranked by the
/// propensity model when there is enough history, else by rules, and the card says which. The offer would go out on
/// the channel the customer was last contacted on from a distance (e-mail when there was none). Every suggestion shown
/// is stored as an <see cref="OfferPresentation"/> whose buttons record the customer's answer (<see cref="OfferAnswerJob"/>).
/// </summary>
public sealed class OffersJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit,
    ConsentSubjectReader consents, OfferRanker ranker, IOptions<OfferOptions> options, TimeProvider clock)
{
    /// <summary>Interaction channels a follow-up can go out on; face-to-face ones cannot.</summary>
    private static readonly InteractionChannel[] DistanceChannels =
        Enum.GetValues<InteractionChannel>().Where(c => c.ToContactChannel() is not null).ToArray();

    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "offers");
        if (customer is null)
            return choices;
        var grant = await access.RequireAsync(context, customer, CustomerField.Offers);
        if (grant is null)
            return [];
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();

        var catalog = await db.Offers.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
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
        var (ranking, score) = await ranker.ForCustomerAsync(customer.Id, facts, catalog, now, ct);
        var suggestions = OfferRules.Suggest(catalog, facts, subject, channel, options.Value.ToPolicy(), now, ranking, score);

        var presentations = suggestions.Suggested.Select(s => new OfferPresentation(OfferPresentationId.New(), customer.Id, s.Offer.Id, context.User.Id, now,
            context.Turn.Channel.ToString(), channel, ranking.Source, ranking.ModelVersionId)).ToList();
        db.OfferPresentations.AddRange(presentations);

        var showSuppressed = grant.Allows(CustomerField.SuppressedOffers);
        audit.Record(context, AuditAction.ViewedOffers, customer.Id,
            CustomerField.Identity | CustomerField.Offers | (showSuppressed ? CustomerField.SuppressedOffers : CustomerField.None));
        context.Show(OfferCards.Suggestions(customer, suggestions, presentations.Select(p => p.Id).ToList(), context.Language, showSuppressed));
        return [];
    }
}
