using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>"find &lt;customer&gt;": the customer's profile card (with open cases), showing what need-to-know allows.</summary>
public sealed class FindCustomerJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit, CasesJob cases)
{
    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "find");
        if (customer is null)
            return choices;

        var grant = await access.RequireAsync(context, customer, CustomerField.Identity);
        if (grant is null)
            return [];

        var history = new CustomerHistory(0, null);
        if (grant.Allows(CustomerField.Interactions))
        {
            var interactions = db.Interactions.Where(i => i.CustomerId == customer.Id);
            history = new CustomerHistory(
                await interactions.CountAsync(context.CancellationToken),
                await interactions.OrderByDescending(i => i.OccurredAt).Select(i => (DateTimeOffset?)i.OccurredAt)
                    .FirstOrDefaultAsync(context.CancellationToken));
        }
        var tier = grant.Allows(CustomerCards.ValueFields) ? await TierFiguresAsync(customer.Id, context.CancellationToken) : null;
        var openCases = grant.Allows(CustomerField.Cases) ? await cases.OpenCasesAsync(customer, context.CancellationToken) : [];
        var card = CustomerCards.Profile(customer, grant, history, NeedToKnowPolicy.MayLogInteractions(context.User), tier,
            openCases, context.User.ResolveTimeZone());
        var shown = grant.Visible & CustomerCards.ProfileFields & (tier is null ? ~CustomerCards.ValueFields : CustomerField.All)
            | (openCases.Count > 0 ? CustomerField.Cases : CustomerField.None);
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, shown);
        context.Show(card);
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
