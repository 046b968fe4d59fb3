using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Auditing;
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
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id);
        context.Show(CustomerCards.Profile(customer, count, last));
        return [];
    }
}
