using ChatCrm.Bot.Api.Auth;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// The audit trail of the REST API: every write, and every read of a customer, with the integration that made it
/// (<see cref="ApiClient.Id"/>) in the place of a person. Added to the request's unit of work, so an entry is saved
/// exactly when the change it describes is.
/// </summary>
public sealed class ApiAudit(CrmDbContext db, TimeProvider time)
{
    public void Record(ApiClient client, AuditAction action, CustomerId? customerId, CustomerField fields = CustomerField.None, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        db.AuditEntries.Add(AuditEntry.ByIntegration(client.Id, action, customerId, time.GetUtcNow(), fields, details));
    }
}
