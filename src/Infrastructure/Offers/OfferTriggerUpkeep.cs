using System.Runtime.CompilerServices;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// Queues offer suggestions in the same save (so the same transaction) as the change that triggers them: new orders
/// (large, or deposit-like — see <see cref="OfferTriggerRules.ForOrder"/>), cases moving to resolved and tier changes
/// added through the context. The set-based tier recalculation bypasses the change tracker and calls
/// <see cref="QueueAsync"/> itself. One row per customer and trigger: a newer event re-arms it. An order or deposit
/// that queues or re-arms one also stages its push to the owner's chat (<see cref="OfferEventOutbox"/>) in the same save.
/// New orders the import wrote in bulk, outside the change tracker, are announced with <see cref="WrittenInBulk"/> and
/// staged by the next save exactly as if they had been added to it.
/// Settings and the clock come from the application's services when the context was made by DI, else the defaults.
/// </summary>
internal static class OfferTriggerUpkeep
{
    /// <summary>Orders staged as back-filled history, per context: they are stored like any order but queue no suggestion.</summary>
    private static readonly ConditionalWeakTable<CrmDbContext, HashSet<Order>> History = [];

    /// <summary>
    /// Marks a new order as history being back-filled (an import with <c>--historical</c>): it counts in values and
    /// averages like any order, but does not queue a suggestion, since the moment it would have made is long past.
    /// </summary>
    public static void TreatAsHistory(CrmDbContext db, Order order) =>
        History.GetOrCreateValue(db).Add(order);

    /// <summary>New orders written outside the change tracker, per context, that the next save stages as if they had been added to it.</summary>
    private static readonly ConditionalWeakTable<CrmDbContext, OrdersWrittenInBulk> Bulk = [];

    /// <summary>
    /// Announces new orders already inserted in this context's transaction without tracking (the import's bulk path): the
    /// next save in that transaction queues their suggestions and pushes, judging each against the customer's earlier
    /// orders without these, as it does for orders added to it. Back-filled history is not announced.
    /// </summary>
    public static void WrittenInBulk(CrmDbContext db, IReadOnlyList<Order> orders)
    {
        var transaction = db.Database.CurrentTransaction?.TransactionId
            ?? throw new InvalidOperationException("Orders written in bulk belong to a transaction begun on the context.");
        var written = Bulk.GetOrCreateValue(db);
        if (written.Transaction != transaction)
            (written.Transaction, written.Orders) = (transaction, []);
        written.Orders.AddRange(orders);
    }

    /// <summary>After a successful save: the orders written in bulk have been staged and saved; forget them.</summary>
    public static void Saved(CrmDbContext db)
    {
        if (Bulk.TryGetValue(db, out var written))
            written.Orders.Clear();
    }

    public static void Stage(CrmDbContext db) => StageAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public static Task StageAsync(CrmDbContext db, CancellationToken ct) => StageAsync(db, sync: false, ct);

    /// <summary>After a unique-index clash with another save: forgets the rows this save would have added; the next stage re-arms theirs.</summary>
    public static bool UnstageNew(CrmDbContext db)
    {
        var added = db.ChangeTracker.Entries<QueuedOfferSuggestion>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in added)
            entry.State = EntityState.Detached;
        return OfferEventOutbox.UnstageNew(db) | added.Count > 0;
    }

    /// <summary>Queues (or re-arms) the given triggers; the caller saves.</summary>
    public static async Task QueueAsync(CrmDbContext db, IReadOnlyList<(CustomerId Customer, OfferTrigger Trigger)> triggers, DateTimeOffset at, CancellationToken ct) =>
        _ = await QueueAsync(db, triggers, at, sync: false, ct);

    private static async Task StageAsync(CrmDbContext db, bool sync, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        var added = entries.Where(e => e is { State: EntityState.Added, Entity: Order }).Select(e => (Order)e.Entity).ToList();
        var orders = added;
        if (History.TryGetValue(db, out var history))
        {
            // Orders saved (or dropped) since they were marked are no longer history to skip: forget them.
            history.IntersectWith(added);
            orders = [.. added.Where(o => !history.Contains(o))];
        }
        // Only orders of the running transaction: a pooled context may outlive a transaction rolled back after announcing some.
        if (Bulk.TryGetValue(db, out var written) && written.Orders.Count > 0 && written.Transaction == db.Database.CurrentTransaction?.TransactionId)
            orders = [.. orders, .. written.Orders];
        var triggers = new List<(CustomerId, OfferTrigger)>();
        foreach (var entry in entries.Where(e => e.Entity is SupportCase && e.State == EntityState.Modified))
        {
            var status = entry.Property(nameof(SupportCase.Status));
            var supportCase = (SupportCase)entry.Entity;
            if (supportCase.Status == CaseStatus.Resolved && status.IsModified && !Equals(status.OriginalValue, CaseStatus.Resolved))
                triggers.Add((supportCase.CustomerId, OfferTriggerRules.CaseResolved(supportCase.Number, supportCase.Title, supportCase.ResolvedAt ?? DateTimeOffset.UtcNow)));
        }
        foreach (var change in entries.Where(e => e is { State: EntityState.Added, Entity: TierChange }).Select(e => (TierChange)e.Entity))
        {
            if (OfferTriggerRules.TierChanged(change.FromTier, change.ToTier) is { } trigger)
                triggers.Add((change.CustomerId, trigger));
        }
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var orderTriggers = orders.Count > 0 ? await OrderTriggersAsync(db, services, orders, sync, ct) : [];
        triggers.AddRange(orderTriggers.Select(t => (t.Order.CustomerId, t.Trigger)));
        if (triggers.Count == 0)
            return;
        var now = (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var queued = await QueueAsync(db, triggers, now, sync, ct);
        // Orders and deposits reach the owner's chat as they happen; tier moves and resolved cases wait in "suggestions".
        var pushes = orderTriggers.Select(t => (queued[(t.Order.CustomerId, t.Trigger.Kind)], t.Order)).ToList();
        await OfferEventOutbox.StageAsync(db, pushes, now, sync, ct);
    }

    private static async Task<List<(Order Order, OfferTrigger Trigger)>> OrderTriggersAsync(CrmDbContext db, IServiceProvider? services, List<Order> orders,
        bool sync, CancellationToken ct)
    {
        var policy = (services?.GetService<IOptions<OfferOptions>>()?.Value ?? new OfferOptions()).ToTriggerPolicy();
        var rates = (services?.GetService<IOptions<TierOptions>>()?.Value ?? new TierOptions()).ToExchangeRates();

        var codes = orders.Select(o => o.ProductCode).Distinct().ToList();
        var customers = orders.Select(o => o.CustomerId).Distinct().ToList();
        var categoryQuery = db.Offers.AsNoTracking().Where(o => codes.Contains(o.ProductCode)).Select(o => new { o.ProductCode, o.Category });
        // One list parameter each: an import batch names up to a thousand customers, which SQLite would bind one by one, by name.
        var earlierQuery = db.Orders.AsNoTracking().Where(o => EF.Parameter(customers).Contains(o.CustomerId)).Select(o => new { o.Id, o.CustomerId, o.Amount, o.Currency });
        var categories = (sync ? categoryQuery.ToList() : await categoryQuery.ToListAsync(ct))
            .GroupBy(o => o.ProductCode).ToDictionary(g => g.Key, g => g.First().Category, StringComparer.Ordinal);
        // Orders written in bulk are stored already: they are not earlier than themselves or each other.
        var staged = orders.Select(o => o.Id).ToHashSet();
        var earlier = (sync ? earlierQuery.ToList() : await earlierQuery.ToListAsync(ct)).Where(o => !staged.Contains(o.Id)).ToLookup(o => o.CustomerId);

        var triggers = new List<(Order, OfferTrigger)>();
        foreach (var order in orders)
        {
            decimal? amount = rates.TryConvert(order.Amount, order.Currency, out var converted) ? converted : null;
            var before = earlier[order.CustomerId].Select(o => rates.TryConvert(o.Amount, o.Currency, out var c) ? c : (decimal?)null).OfType<decimal>().ToList();
            var facts = new OrderTriggerFacts(amount, rates.ReportingCurrency, order.Category ?? categories.GetValueOrDefault(order.ProductCode), before.Count,
                before.Count > 0 ? before.Average() : null);
            if (OfferTriggerRules.ForOrder(facts, policy) is { } trigger)
                triggers.Add((order, trigger));
        }
        return triggers;
    }

    /// <returns>The row each (customer, kind) queued or re-armed.</returns>
    private static async Task<Dictionary<(CustomerId, OfferTriggerKind), QueuedOfferSuggestion>> QueueAsync(CrmDbContext db,
        IReadOnlyList<(CustomerId Customer, OfferTrigger Trigger)> triggers, DateTimeOffset at, bool sync, CancellationToken ct)
    {
        var customers = triggers.Select(t => t.Customer).Distinct().ToList();
        var kinds = triggers.Select(t => t.Trigger.Kind).Distinct().ToList();
        var query = db.QueuedOfferSuggestions.Where(s => EF.Parameter(customers).Contains(s.CustomerId) && kinds.Contains(s.Trigger));
        // Loading them tracks them, so rows already tracked (added or changed earlier in this save) are found here too.
        _ = sync ? query.ToList() : await query.ToListAsync(ct);
        // A stored row wins over one this context added itself (which the unique index would refuse).
        var known = new Dictionary<(CustomerId, OfferTriggerKind), QueuedOfferSuggestion>();
        foreach (var entry in db.ChangeTracker.Entries<QueuedOfferSuggestion>().OrderBy(e => e.State == EntityState.Added ? 0 : 1))
            known[(entry.Entity.CustomerId, entry.Entity.Trigger)] = entry.Entity;
        foreach (var (customer, trigger) in triggers)
        {
            if (known.TryGetValue((customer, trigger.Kind), out var queued))
            {
                queued.Rearm(trigger, at);
                continue;
            }
            var added = new QueuedOfferSuggestion(customer, trigger, at);
            db.QueuedOfferSuggestions.Add(added);
            known[(customer, trigger.Kind)] = added;
        }
        return known;
    }
}

/// <summary>The orders announced by <see cref="OfferTriggerUpkeep.WrittenInBulk"/> and the transaction they were written in.</summary>
internal sealed class OrdersWrittenInBulk
{
    public Guid? Transaction { get; set; }

    public List<Order> Orders { get; set; } = [];
}
