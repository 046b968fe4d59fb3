using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>"last &lt;customer&gt;": where the last conversation ended, whatever channel it was on.</summary>
public sealed class LastConversationJob(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit)
{
    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, "last");
        if (customer is null)
            return choices;
        if (await access.RequireAsync(context, customer, CustomerField.Interactions) is null)
            return [];

        var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customer.Id);
        var last = await interactions.OrderByDescending(i => i.OccurredAt).FirstOrDefaultAsync(context.CancellationToken);
        var total = last is null ? 0 : await interactions.CountAsync(context.CancellationToken);
        var loggedBy = last is null
            ? null
            : await db.Users.Where(u => u.Id == last.LoggedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(context.CancellationToken);

        audit.Record(context, AuditAction.ViewedLastConversation, customer.Id, CustomerField.Identity | CustomerField.Interactions);
        context.Show(InteractionCards.LastConversation(customer, last, loggedBy, total));
        return [];
    }
}
