using ChatCrm.Domain.Common;
using ChatCrm.Domain.Orders;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// What a customer needs, read from what they buy: the product categories of their orders in the value window.
/// It sits beside the tier (a Bronze customer who buys Services is a different conversation from one who buys
/// Hardware). Categories are kept sorted so two segments with the same categories are equal.
/// </summary>
public sealed record NeedsSegment
{
    public NeedsSegment(IEnumerable<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = [.. categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Categories { get; }

    public bool IsEmpty => Categories.Count == 0;

    /// <summary>The rule: the distinct categories of the catalog products ordered within the window (unknown products have none).</summary>
    public static NeedsSegment FromOrders(IEnumerable<Order> orders, IReadOnlyDictionary<string, string> categoryByProductCode, ValueWindow window)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(categoryByProductCode);
        return new NeedsSegment(orders
            .Where(o => window.Contains(o.PlacedAt))
            .Select(o => categoryByProductCode.TryGetValue(o.ProductCode, out var category) ? category : null)
            .OfType<string>());
    }

    /// <summary>
    /// "buys Software, Services" ("compra Software, Services"), or "no purchases in the last 12 months"; category names
    /// are catalogue data and stay as they are.
    /// </summary>
    public LocalizedText Explain() => IsEmpty
        ? new LocalizedText("no purchases in the last 12 months", "sin compras en los últimos 12 meses")
        : new LocalizedText("buys " + string.Join(", ", Categories), "compra " + string.Join(", ", Categories));

    public bool Equals(NeedsSegment? other) => other is not null && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal);

    public override int GetHashCode() => Categories.Aggregate(0, (hash, c) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(c)));
}
