using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// Records every view and change of a customer record (who, when, which customer, which channel, which parts);
/// saved together with the turn's other changes, so a view is audited exactly when its reply goes out.
/// </summary>
public sealed class AuditTrail(CrmDbContext db, TimeProvider time)
{
    public void Record(TurnContext context, AuditAction action, CustomerId customerId, CustomerField fields)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEntries.Add(new AuditEntry(context.User.Id, action, customerId, context.Turn.Channel.ToString(), time.GetUtcNow(), fields));
    }

    /// <summary>A change of a customer record, with what changed in <paramref name="details"/> (ids and field names, never personal data).</summary>
    public void Record(TurnContext context, AuditAction action, CustomerId customerId, CustomerField fields, string details)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEntries.Add(new AuditEntry(context.User.Id, action, customerId, context.Turn.Channel.ToString(), time.GetUtcNow(), fields, details));
    }

    /// <summary>An action on no customer (an admin's view or change), with what it was about in <paramref name="details"/>.</summary>
    public void Record(TurnContext context, AuditAction action, string details)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEntries.Add(new AuditEntry(context.User.Id, action, null, context.Turn.Channel.ToString(), time.GetUtcNow(), details: details));
    }
}
