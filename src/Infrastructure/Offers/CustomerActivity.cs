using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>An order as the features need it.</summary>
public readonly record struct OrderFact(string ProductCode, decimal Amount, DateTimeOffset PlacedAt);

/// <summary>
/// A customer's history, in time order, that features are computed from at any moment: features for a past offer use
/// only what had happened before it was made, so the model never learns from the future.
/// </summary>
public sealed record CustomerActivity(ValueTier? Tier, IReadOnlyList<OrderFact> Orders, IReadOnlyList<DateTimeOffset> Interactions, IReadOnlyList<DateTimeOffset> Cases)
{
    public static CustomerActivity Empty { get; } = new(null, [], [], []);
}

/// <summary>Turns a customer's history and an offer into the model's features as of a moment.</summary>
public sealed class OfferFeatureBuilder(IReadOnlyDictionary<string, string> categoryByProductCode)
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private static readonly TimeSpan Quarter = TimeSpan.FromDays(90);
    private const float NoOrderDays = 3 * 365;

    public static OfferFeatureBuilder For(IEnumerable<Offer> catalog) =>
        new(catalog.ToDictionary(o => o.ProductCode, o => o.Category, StringComparer.Ordinal));

    /// <summary>The categories of the products the customer had bought before <paramref name="at"/>.</summary>
    public HashSet<string> CategoriesOwned(CustomerActivity activity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in activity.Orders)
        {
            if (order.PlacedAt < at && categoryByProductCode.TryGetValue(order.ProductCode, out var category))
                owned.Add(category);
        }
        return owned;
    }

    public OfferFeatureRow Build(CustomerActivity activity, string productCode, string category, ConsentPurpose purpose, DateTimeOffset at, bool accepted = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var spend = 0m;
        var orders = 0;
        DateTimeOffset? last = null;
        foreach (var order in activity.Orders)
        {
            if (order.PlacedAt >= at)
                continue;
            if (last is null || order.PlacedAt > last)
                last = order.PlacedAt;
            if (at - order.PlacedAt <= Year)
            {
                spend += order.Amount;
                orders++;
            }
        }
        var owned = CategoriesOwned(activity, at);
        return new OfferFeatureRow
        {
            Tier = activity.Tier is { } tier ? (float)tier : -1f,
            DaysSinceLastOrder = last is { } l ? (float)Math.Min((at - l).TotalDays, NoOrderDays) : NoOrderDays,
            OrdersLast12Months = orders,
            SpendLast12MonthsLog = (float)Math.Log(1 + (double)spend),
            CategoriesOwned = owned.Count,
            OwnsOfferCategory = owned.Contains(category) ? 1f : 0f,
            IsService = purpose == ConsentPurpose.Service ? 1f : 0f,
            InteractionsLast90Days = activity.Interactions.Count(t => t < at && at - t <= Quarter),
            CasesLast90Days = activity.Cases.Count(t => t < at && at - t <= Quarter),
            OfferCategory = category,
            ProductCode = productCode,
            Label = accepted,
        };
    }
}
