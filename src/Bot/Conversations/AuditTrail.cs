using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Conversations;

/// <summary>Records every view and change of a customer record; saved together with the turn's other changes.</summary>
public sealed class AuditTrail(CrmDbContext db, TimeProvider time)
{
    public void Record(TurnContext context, AuditAction action, CustomerId customerId)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEntries.Add(new AuditEntry(context.User.Id, action, customerId, context.Turn.Channel.ToString(), time.GetUtcNow()));
    }
}
