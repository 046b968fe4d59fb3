using System.Text.Json.Nodes;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>
/// Everything ChatCrm holds about one customer, as one JSON document (the right of access): the record and its
/// handles, every interaction, order and consent statement, and the audit trail of who looked at the record.
/// Staff appear by name; ids are included so the document can be checked against the database.
/// </summary>
public sealed class CustomerDataExport(CrmDbContext db)
{
    public const int FormatVersion = 1;

    /// <returns>The document, or null when there is no such customer.</returns>
    public async Task<JsonObject?> BuildAsync(CustomerId customerId, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.Identities)
            .FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
            return null;

        var interactions = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId)
            .OrderBy(i => i.OccurredAt).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId)
            .OrderBy(o => o.PlacedAt).ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.At).ToListAsync(cancellationToken);

        var staffIds = interactions.Select(i => i.LoggedBy).Concat(audit.Select(a => a.Actor)).Append(customer.OwnerId ?? default).Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Name(UserId? id) => id is { } known && staff.TryGetValue(known, out var name) ? name : null;

        return new JsonObject
        {
            ["format"] = $"chatcrm-customer-export/{FormatVersion}",
            ["generatedAt"] = generatedAt.ToUniversalTime(),
            ["customer"] = new JsonObject
            {
                ["id"] = customer.Id.Value,
                ["name"] = customer.DisplayName,
                ["company"] = customer.Company,
                ["country"] = customer.Country.Value,
                ["preferredLanguage"] = customer.PreferredLanguage.Value,
                ["customerSince"] = customer.CreatedAt,
                ["accountOwner"] = Name(customer.OwnerId),
                ["erasedAt"] = customer.ErasedAt,
            },
            ["handles"] = Array(customer.Identities.OrderBy(i => i.Kind).ThenBy(i => i.Value, StringComparer.Ordinal),
                i => new JsonObject { ["kind"] = i.Kind.ToString(), ["value"] = i.Value }),
            ["interactions"] = Array(interactions, i => new JsonObject
            {
                ["id"] = i.Id.Value,
                ["occurredAt"] = i.OccurredAt,
                ["kind"] = i.Kind.ToString(),
                ["channel"] = i.Channel.ToString(),
                ["summary"] = i.Summary,
                ["outcome"] = i.Outcome,
                ["followUpOn"] = i.FollowUpOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["loggedBy"] = Name(i.LoggedBy),
            }),
            ["orders"] = Array(orders, o => new JsonObject
            {
                ["id"] = o.Id.Value,
                ["placedAt"] = o.PlacedAt,
                ["product"] = o.ProductCode,
                ["amount"] = o.Amount,
                ["currency"] = o.Currency,
            }),
            ["consents"] = Array(consents, c => new JsonObject
            {
                ["recordedAt"] = c.RecordedAt,
                ["purpose"] = c.Purpose.ToString(),
                ["channel"] = c.Channel.ToString(),
                ["granted"] = c.Granted,
                ["source"] = c.Source,
            }),
            ["accessLog"] = Array(audit, a => new JsonObject
            {
                ["at"] = a.At,
                ["by"] = Name(a.Actor),
                ["action"] = a.Action.ToString(),
                ["channel"] = a.Channel,
                ["fields"] = a.Fields.ToString(),
            }),
        };
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> map) => new(items.Select(i => (JsonNode?)map(i)).ToArray());
}
