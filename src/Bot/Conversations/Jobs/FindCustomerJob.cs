using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>"find &lt;customer&gt;": the customer's profile card, showing what need-to-know allows.</summary>
public sealed class FindCustomerJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit)
{
    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "find");
        if (customer is null)
            return choices;

        var grant = await access.RequireAsync(context, customer, CustomerField.Identity, "this customer's record");
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
        var card = CustomerCards.Profile(customer, grant, history, NeedToKnowPolicy.MayLogInteractions(context.User));
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, grant.Visible & CustomerCards.ProfileFields);
        context.Show(card);
        return [];
    }
}
