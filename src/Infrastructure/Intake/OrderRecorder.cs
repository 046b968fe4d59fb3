using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Records orders and deposits by their external id. A new order is staged like any other, so the save that stores it
/// queues its offer suggestion in the same transaction (large order, large deposit: see <c>OfferTriggerUpkeep</c>),
/// unless it is <paramref name="historical"/> back-fill. An order already recorded is corrected when the source changed
/// it (which queues nothing: the moment was when it was placed). Amounts must convert (a rate in <c>Tiers:ExchangeRates</c>)
/// and be believable (<see cref="OrderPlausibility"/>). Changes are staged in the context; the caller saves.
/// </summary>
public sealed class OrderRecorder(CrmDbContext db, IOptions<TierOptions> tiers, TimeProvider time)
{
    public async Task<IntakeResult> StageAsync(OrderIntake row, bool historical, CancellationToken ct) => (await StageAsync([row], historical, ct))[0];

    /// <param name="historical">Back-filled history: stored and counted, but queues no offer suggestion.</param>
    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<OrderIntake> rows, bool historical, CancellationToken ct)
    {
        var batch = await DecideAsync(rows, ct);
        foreach (var order in batch.Created)
        {
            db.Orders.Add(order);
            if (historical)
                OfferTriggerUpkeep.TreatAsHistory(db, order);
        }
        return batch.Results;
    }

    /// <summary>
    /// Checks a batch and decides each row without tracking what stays as it is: the new orders are returned, not staged
    /// (the import writes them in bulk), and only the stored orders the source corrected are read again, tracked, and
    /// corrected. One read of the customers and one of the stored orders per batch, each with one list parameter.
    /// </summary>
    internal async Task<OrderBatch> DecideAsync(IReadOnlyList<OrderIntake> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rates = tiers.Value.ToExchangeRates();
        var now = time.GetUtcNow();
        var candidates = rows.Select(r => Check(r, rates, now)).ToList();
        var customers = await CustomerExternalIds.ResolveAsync(db, candidates.Select(c => c.CustomerExternalId), ct);
        var ids = candidates.Select(c => c.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var stored = ids.Count == 0
            ? []
            : await db.Orders.AsNoTracking().Where(o => o.ExternalId != null && EF.Parameter(ids).Contains(o.ExternalId)).ToDictionaryAsync(o => o.ExternalId!, ct);

        var results = new IntakeResult[rows.Count];
        var created = new List<Order>();
        var corrected = new Dictionary<string, OrderIntake>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (checks, externalId, customerExternalId, row) = candidates[i];
            if (externalId is not null && !seen.Add(externalId))
                checks.Add("externalId", $"'{FieldChecks.Cut(externalId)}' appears more than once");
            var customer = customerExternalId is not null && customers.TryGetValue(customerExternalId, out var found) ? found : (Domain.Customers.CustomerId?)null;
            if (customerExternalId is not null && customer is null)
                checks.Add("customerExternalId", $"no customer has the external id '{FieldChecks.Cut(customerExternalId)}'");
            var order = externalId is null ? null : stored.GetValueOrDefault(externalId);
            if (order is not null && customer is { } owner && order.CustomerId != owner)
                checks.Add("customerExternalId", "the order is already recorded for another customer; an order does not change customers");
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }

            var outcome = IntakeOutcome.Unchanged;
            if (order is null)
            {
                order = Order.Place(customer!.Value, row.ProductCode!, row.Amount, row.Currency!, row.PlacedAt, externalId, row.Category);
                created.Add(order);
                outcome = IntakeOutcome.Created;
            }
            // Corrected on the untracked copy only to learn whether it changed; the tracked one is corrected below.
            else if (order.Correct(row.ProductCode!, row.Category, row.Amount, row.Currency!, row.PlacedAt))
            {
                corrected[order.ExternalId!] = row;
                outcome = IntakeOutcome.Updated;
            }
            results[i] = IntakeResult.Stored(outcome, order.Id.Value);
        }
        await CorrectTrackedAsync(corrected, ct);
        return new OrderBatch(results, created);
    }

    /// <summary>Reads the orders the source corrected, tracked, and corrects them, so the caller's save updates them (and their version).</summary>
    private async Task CorrectTrackedAsync(Dictionary<string, OrderIntake> corrected, CancellationToken ct)
    {
        if (corrected.Count == 0)
            return;
        var ids = corrected.Keys.ToList();
        foreach (var order in await db.Orders.Where(o => o.ExternalId != null && EF.Parameter(ids).Contains(o.ExternalId)).ToListAsync(ct))
        {
            var row = corrected[order.ExternalId!];
            order.Correct(row.ProductCode!, row.Category, row.Amount, row.Currency!, row.PlacedAt);
        }
    }

    private static (FieldChecks Checks, string? ExternalId, string? CustomerExternalId, OrderIntake Row) Check(OrderIntake row, Domain.Tiers.ExchangeRates rates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var checks = new FieldChecks();
        var externalId = ExternalIdText.Check(checks, "externalId", row.ExternalId);
        var customer = ExternalIdText.Check(checks, "customerExternalId", row.CustomerExternalId);
        checks.Required("productCode", row.ProductCode, 40);
        checks.Optional("category", row.Category, Order.MaxCategoryLength);
        var currency = row.Currency?.Trim().ToUpperInvariant();
        decimal? reporting = null;
        if (string.IsNullOrEmpty(currency))
            checks.Add("currency", "is required");
        else if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            checks.Add("currency", $"'{FieldChecks.Cut(currency)}' is not an ISO 4217 currency code");
        else if (rates.TryConvert(row.Amount, currency, out var converted))
            reporting = converted;
        else
            checks.Add("currency", $"{currency} has no rate into {rates.ReportingCurrency} (add it to Tiers:ExchangeRates)");
        if (OrderPlausibility.AmountProblem(row.Amount, reporting, rates.ReportingCurrency) is { } amountProblem)
            checks.Add("amount", amountProblem);
        if (OrderPlausibility.DateProblem(row.PlacedAt, now) is { } dateProblem)
            checks.Add("placedAt", dateProblem);
        return (checks, externalId, customer, row with { Currency = currency });
    }
}

/// <summary>A batch of orders decided: one result per row, in order, and the new orders, which the caller stores.</summary>
internal sealed record OrderBatch(IReadOnlyList<IntakeResult> Results, IReadOnlyList<Order> Created);
