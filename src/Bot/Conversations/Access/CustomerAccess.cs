using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Access;

/// <summary>
/// Applies need-to-know to a turn: what the chat user may see of a customer, and a polite refusal (audited)
/// when a command needs more than that.
/// </summary>
public sealed class CustomerAccess(CrmDbContext db, AuditTrail audit)
{
    public async Task<AccessGrant> GrantAsync(TurnContext context, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        var owner = customer.OwnerId is { } ownerId
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, context.CancellationToken)
            : null;
        return NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.OwnedBy(owner));
    }

    /// <summary>
    /// The grant when it covers <paramref name="needed"/>; otherwise null, having told the user what they can do
    /// instead and audited the refused request.
    /// </summary>
    public async Task<AccessGrant?> RequireAsync(TurnContext context, Customer customer, CustomerField needed, string what)
    {
        var grant = await GrantAsync(context, customer);
        if (grant.Allows(needed))
            return grant;

        audit.Record(context, AuditAction.AccessDenied, customer.Id, needed);
        context.Say(grant.Allows(CustomerField.Identity)
            ? $"I can't show you {what} for {customer.DisplayName}: {grant.Reason}. Type \"find {customer.DisplayName}\" for what you can see, or ask the account's owner or your manager."
            : $"I can't show you {what}: {grant.Reason}.");
        return null;
    }
}
