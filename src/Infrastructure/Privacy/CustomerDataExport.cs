using System.Text.Json.Nodes;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>
/// Everything ChatCrm holds about one customer, as one JSON document (the right of access): the record and its
/// handles, every interaction, order and consent statement, the value tier and its history, the product
/// categories bought, support cases with their history, offers shown with every answer, suggestions queued for
/// the rep, merges of duplicate records, and the audit trail of who looked at the record and what they did.
/// Staff appear by display name (ADR 0003); ids are included so the document can be checked against the database.
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

        // Every version: corrections and withdrawals leave the original on record, and the customer may see it.
        var interactions = await db.Interactions.AsNoTracking().IgnoreQueryFilters().Where(i => i.CustomerId == customerId)
            .OrderBy(i => i.OccurredAt).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId)
            .OrderBy(o => o.PlacedAt).ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var value = await db.CustomerValues.AsNoTracking().FirstOrDefaultAsync(v => v.CustomerId == customerId, cancellationToken);
        var tierChanges = await db.TierChanges.AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderBy(t => t.ChangedAt).ToListAsync(cancellationToken);
        var needs = await db.CustomerNeeds.AsNoTracking().Where(n => n.CustomerId == customerId).Select(n => n.Category).ToListAsync(cancellationToken);
        var merges = await db.CustomerMerges.AsNoTracking().Where(m => m.SurvivorId == customerId || m.MergedId == customerId)
            .OrderBy(m => m.At).ToListAsync(cancellationToken);
        var cases = await db.SupportCases.AsNoTracking().Include(c => c.History).Where(c => c.CustomerId == customerId)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var presentations = await db.OfferPresentations.AsNoTracking().Where(p => p.CustomerId == customerId)
            .OrderBy(p => p.PresentedAt).ToListAsync(cancellationToken);
        var presentationIds = presentations.Select(p => p.Id).ToList();
        var answers = (await db.OfferAnswers.AsNoTracking().Where(a => presentationIds.Contains(a.PresentationId)).ToListAsync(cancellationToken))
            .OrderBy(a => a.AnsweredAt).ToLookup(a => a.PresentationId);
        var offerIds = presentations.Select(p => p.OfferId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var suggestions = await db.QueuedOfferSuggestions.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderBy(s => s.OccurredAt).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.At).ToListAsync(cancellationToken);

        var staffIds = interactions.Select(i => i.LoggedBy).Concat(audit.Where(a => a.Actor is not null).Select(a => a.Actor!.Value)).Concat(merges.Select(m => m.MergedBy))
            .Concat(cases.SelectMany(c => c.History.Select(h => h.By).Append(c.OpenedBy)))
            .Concat(presentations.Select(p => p.PresentedTo)).Concat(answers.SelectMany(g => g.Select(a => a.AnsweredBy)))
            .Concat(suggestions.Where(s => s.DismissedBy is not null).Select(s => s.DismissedBy!.Value)).Append(customer.OwnerId ?? default).Distinct().ToList();
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
                ["state"] = i.State.ToString(),
                ["amendmentOf"] = i.AmendmentOf?.Value,
                ["stateChangedAt"] = i.StateChangedAt,
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
            ["value"] = value is null ? null : new JsonObject
            {
                ["tier"] = value.Tier.ToString(),
                ["value12Months"] = value.Value12Months,
                ["currency"] = value.ReportingCurrency,
                ["ordersIn12Months"] = value.OrdersIn12Months,
                ["calculatedAt"] = value.CalculatedAt,
            },
            ["tierHistory"] = Array(tierChanges, t => new JsonObject
            {
                ["changedAt"] = t.ChangedAt,
                ["from"] = t.FromTier?.ToString(),
                ["to"] = t.ToTier.ToString(),
            }),
            ["productCategoriesBought"] = new JsonArray(needs.Order(StringComparer.Ordinal).Select(n => (JsonNode?)n).ToArray()),
            ["supportCases"] = Array(cases, c => new JsonObject
            {
                ["number"] = c.Number,
                ["title"] = c.Title,
                ["description"] = c.Description,
                ["priority"] = c.Priority.ToString(),
                ["status"] = c.Status.ToString(),
                ["openedAt"] = c.CreatedAt,
                ["openedBy"] = Name(c.OpenedBy),
                ["resolvedAt"] = c.ResolvedAt,
                ["history"] = Array(c.History.OrderBy(h => h.Sequence), h => new JsonObject
                {
                    ["at"] = h.At,
                    ["change"] = h.Change.ToString(),
                    ["from"] = h.From,
                    ["to"] = h.To,
                    ["by"] = Name(h.By),
                }),
            }),
            ["offersShown"] = Array(presentations, p => new JsonObject
            {
                ["id"] = p.Id.Value,
                ["at"] = p.PresentedAt,
                ["offer"] = offers.TryGetValue(p.OfferId, out var offer) ? offer.Name : null,
                ["shownTo"] = Name(p.PresentedTo),
                ["contactChannel"] = p.ContactChannel.ToString(),
                ["response"] = p.Response?.ToString(),
                ["answers"] = Array(answers[p.Id], a => new JsonObject
                {
                    ["at"] = a.AnsweredAt,
                    ["response"] = a.Response.ToString(),
                    ["replaced"] = a.Replaced?.ToString(),
                    ["by"] = Name(a.AnsweredBy),
                }),
            }),
            ["queuedSuggestions"] = Array(suggestions, s => new JsonObject
            {
                ["trigger"] = s.Trigger.ToString(),
                ["reason"] = s.ReasonEnglish,
                ["reasonSpanish"] = s.ReasonSpanish,
                ["occurredAt"] = s.OccurredAt,
                ["dismissedAt"] = s.DismissedAt,
                ["dismissedBy"] = Name(s.DismissedBy),
            }),
            ["merges"] = Array(merges, m => new JsonObject
            {
                ["at"] = m.At,
                ["mergedRecord"] = m.MergedId.Value,
                ["mergedName"] = m.MergedName,
                ["into"] = m.SurvivorId.Value,
                ["by"] = Name(m.MergedBy),
                ["explanation"] = m.Explanation,
            }),
            ["accessLog"] = Array(audit, a => new JsonObject
            {
                ["at"] = a.At,
                ["by"] = Name(a.Actor) ?? a.Client,
                ["action"] = a.Action.ToString(),
                ["channel"] = a.Channel,
                ["fields"] = a.Fields.ToString(),
                ["details"] = a.Details,
            }),
        };
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> map) => new(items.Select(i => (JsonNode?)map(i)).ToArray());
}
