using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>
/// "offers &lt;customer&gt;": rule-based suggestions from the catalog that leave out what the customer owns and
/// hold back, with the reason, whatever the consent rule denies: the customer's consents, their country's
/// policy, partner incentives and the need for an earlier visit, call or meeting. The offer would go out on the
/// channel the customer was last contacted on from a distance (e-mail when there was none). Reasons are given
/// in the chat user's language.
/// </summary>
public sealed class OffersJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit,
    ConsentSubjectReader consents, TimeProvider clock)
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
        var owned = (await db.Orders.Where(o => o.CustomerId == customer.Id).Select(o => o.ProductCode).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var ownedCategories = catalog.Where(o => owned.Contains(o.ProductCode)).Select(o => o.Category).ToHashSet(StringComparer.Ordinal);
        var lastChannel = await db.Interactions.Where(i => i.CustomerId == customer.Id && DistanceChannels.Contains(i.Channel))
            .OrderByDescending(i => i.OccurredAt).Select(i => (InteractionChannel?)i.Channel).FirstOrDefaultAsync(ct);
        var channel = lastChannel?.ToContactChannel() ?? ContactChannel.Email;

        var subject = await consents.ReadAsync(customer, now, ct);
        var suggestions = OfferRules.Suggest(catalog, owned, ownedCategories, subject, channel);
        var showSuppressed = grant.Allows(CustomerField.SuppressedOffers);
        audit.Record(context, AuditAction.ViewedOffers, customer.Id,
            CustomerField.Identity | CustomerField.Offers | (showSuppressed ? CustomerField.SuppressedOffers : CustomerField.None));
        context.Show(OfferCards.Suggestions(customer, suggestions, context.Language, showSuppressed));
        return [];
    }
}
