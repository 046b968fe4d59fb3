using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// A customer's tier and the figures behind it, as of the latest recalculation: one per customer. Every
/// recalculation replaces them all at once, so they are never a mix of two runs.
/// </summary>
public sealed class CustomerValue
{
    private CustomerValue()
    {
        ReportingCurrency = string.Empty;
    }

    public CustomerValue(CustomerFigures figures, ValueTier tier, string reportingCurrency, DateTimeOffset calculatedAt)
    {
        ArgumentNullException.ThrowIfNull(figures);
        CustomerId = figures.CustomerId;
        Tier = tier;
        Value12Months = figures.Value;
        ReportingCurrency = reportingCurrency;
        OrdersIn12Months = figures.OrdersInWindow;
        LastOrderAt = figures.LastOrderAt;
        CalculatedAt = calculatedAt.ToUniversalTime();
    }

    public CustomerId CustomerId { get; private set; }

    public ValueTier Tier { get; private set; }

    /// <summary>Value of the orders of the trailing twelve months, in <see cref="ReportingCurrency"/>.</summary>
    public decimal Value12Months { get; private set; }

    public string ReportingCurrency { get; private set; }

    /// <summary>Frequency: orders in the trailing twelve months.</summary>
    public int OrdersIn12Months { get; private set; }

    /// <summary>Recency: the newest order, however old; null when the customer never ordered.</summary>
    public DateTimeOffset? LastOrderAt { get; private set; }

    public DateTimeOffset CalculatedAt { get; private set; }
}
