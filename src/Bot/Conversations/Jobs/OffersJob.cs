using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>
/// "offers &lt;customer&gt;": rule-based suggestions from the catalog that leave out what the customer owns and
/// anything they have not agreed to hear about on the channel of the last conversation.
/// </summary>
public sealed class OffersJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit)
{
    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "offers");
        if (customer is null)
            return choices;
        var grant = await access.RequireAsync(context, customer, CustomerField.Offers, "offers");
        if (grant is null)
            return [];
        var ct = context.CancellationToken;

        var catalog = await db.Offers.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var owned = (await db.Orders.Where(o => o.CustomerId == customer.Id).Select(o => o.ProductCode).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var ownedCategories = catalog.Where(o => owned.Contains(o.ProductCode)).Select(o => o.Category).ToHashSet(StringComparer.Ordinal);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync(ct);
        var lastChannel = await db.Interactions.Where(i => i.CustomerId == customer.Id)
            .OrderByDescending(i => i.OccurredAt).Select(i => (InteractionChannel?)i.Channel).FirstOrDefaultAsync(ct);
        var contactChannel = lastChannel?.ToContactChannel() ?? ContactChannel.Email;

        var suggestions = OfferRules.Suggest(catalog, owned, ownedCategories, consents, contactChannel);
        var showSuppressed = grant.Allows(CustomerField.SuppressedOffers);
        audit.Record(context, AuditAction.ViewedOffers, customer.Id,
            CustomerField.Identity | CustomerField.Offers | (showSuppressed ? CustomerField.SuppressedOffers : CustomerField.None));
        context.Show(OfferCards.Suggestions(customer, suggestions, showSuppressed));
        return [];
    }
}
