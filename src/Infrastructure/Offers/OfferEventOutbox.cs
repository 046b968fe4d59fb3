using System.Text.Json;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// One order or deposit event to push to the customer's owner, as stored in the inbox item's payload: which queued
/// suggestion it armed, and the order's own facts (amount and currency as placed, category, when) for the card.
/// </summary>
public sealed record OfferEventNotice(
    Guid SuggestionId, Guid CustomerId, OfferTriggerKind Trigger, DateTimeOffset OccurredAt, decimal Amount, string Currency, string? Category)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    /// <returns>The notice, or null when the payload is not one (an item written by something else).</returns>
    public static OfferEventNotice? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<OfferEventNotice>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Stages the push of an order or deposit event in the same save as the order and its queued suggestion: an
/// <see cref="InboxItem"/> on the <see cref="Channel"/> channel, whose dedup key names the customer, the trigger
/// kind and the time the order was placed. The unique (channel, dedup key) index makes a retried save, or a second
/// instance saving the same event, store it once; a key already stored is not staged again. Tier moves and resolved
/// cases are not pushed: they stay in the rep's <c>suggestions</c>.
/// </summary>
public static class OfferEventOutbox
{
    /// <summary>The inbox channel the push worker serves.</summary>
    public const string Channel = "outreach";

    public const string Kind = "offer-event";

    public static string DedupKey(OfferEventNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return $"offer-event:{notice.CustomerId:N}:{notice.Trigger}:{notice.OccurredAt.UtcTicks}";
    }

    /// <summary>Adds an inbox item for each event whose key is neither stored nor already staged; the caller saves.</summary>
    internal static async Task StageAsync(CrmDbContext db, IReadOnlyList<(QueuedOfferSuggestion Suggestion, Order Order)> events, DateTimeOffset now,
        bool sync, CancellationToken ct)
    {
        if (events.Count == 0)
            return;
        var notices = events.Select(e => new OfferEventNotice(e.Suggestion.Id, e.Order.CustomerId.Value, e.Suggestion.Trigger, e.Order.PlacedAt.ToUniversalTime(),
            e.Order.Amount, e.Order.Currency, e.Order.Category)).ToList();
        var keys = notices.Select(DedupKey).Distinct().ToList();
        var query = db.InboxItems.AsNoTracking().Where(i => i.Channel == Channel && keys.Contains(i.DedupKey)).Select(i => i.DedupKey);
        var known = (sync ? query.ToList() : await query.ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(db.ChangeTracker.Entries<InboxItem>().Where(e => e.Entity.Channel == Channel).Select(e => e.Entity.DedupKey));
        foreach (var notice in notices)
        {
            var key = DedupKey(notice);
            if (known.Add(key))
                db.InboxItems.Add(new InboxItem(Channel, Kind, key, notice.ToPayload(), now));
        }
    }

    /// <summary>After a unique-index clash: forgets the pushes this save would have added; the next stage skips those stored meanwhile.</summary>
    internal static bool UnstageNew(CrmDbContext db)
    {
        var added = db.ChangeTracker.Entries<InboxItem>().Where(e => e.State == EntityState.Added && e.Entity.Channel == Channel).ToList();
        foreach (var entry in added)
            entry.State = EntityState.Detached;
        return added.Count > 0;
    }
}
