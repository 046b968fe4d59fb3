using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>"find &lt;customer&gt;": the customer's profile card.</summary>
public sealed class FindCustomerJob(CustomerResolver resolver, CrmDbContext db, AuditTrail audit)
{
    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "find");
        if (customer is null)
            return choices;

        var interactions = db.Interactions.Where(i => i.CustomerId == customer.Id);
        var count = await interactions.CountAsync(context.CancellationToken);
        var last = await interactions.OrderByDescending(i => i.OccurredAt).Select(i => (DateTimeOffset?)i.OccurredAt)
            .FirstOrDefaultAsync(context.CancellationToken);
        var tier = await TierFiguresAsync(customer.Id, context.CancellationToken);
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id);
        context.Show(CustomerCards.Profile(customer, count, last, tier));
        return [];
    }

    /// <summary>The latest recalculation's figures, the newest real move (first rankings are not news) and the needs.</summary>
    private async Task<TierFigures> TierFiguresAsync(Domain.Customers.CustomerId id, CancellationToken ct)
    {
        var value = await db.CustomerValues.AsNoTracking().SingleOrDefaultAsync(v => v.CustomerId == id, ct);
        var move = await db.TierChanges.AsNoTracking()
            .Where(c => c.CustomerId == id && c.FromTier != null)
            .OrderByDescending(c => c.ChangedAt)
            .FirstOrDefaultAsync(ct);
        var needs = await db.CustomerNeeds.Where(n => n.CustomerId == id).Select(n => n.Category).ToListAsync(ct);
        return new TierFigures(value, move, new NeedsSegment(needs));
    }
}
