namespace ChatCrm.Domain.Orders;

/// <summary>
/// Whether an order (or deposit) taken from another system is believable before it is stored: an amount that is a
/// typing slip (a million times too big, or not more than zero) or a date that cannot be (tomorrow's order, or year 1
/// from an empty date cell) would skew tiers and fire offers for nothing. Each check returns the reason, or null.
/// </summary>
public static class OrderPlausibility
{
    /// <summary>Above this (in the reporting currency) an order is taken for a slip: no customer of a CRM buys more at once.</summary>
    public const decimal MaxReportingAmount = 100_000_000m;

    /// <summary>Orders before this year are taken for an empty or mistyped date.</summary>
    public const int EarliestYear = 1900;

    /// <summary>Clocks differ a little between systems: an order this far ahead of now is still today's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    /// <param name="reportingAmount">The amount in the reporting currency; null when its currency has no rate.</param>
    /// <param name="reportingCurrency">The reporting currency's code, for the reason.</param>
    public static string? AmountProblem(decimal amount, decimal? reportingAmount, string reportingCurrency)
    {
        if (amount <= 0)
            return "must be greater than zero";
        if (decimal.Round(amount, 2) != amount)
            return "has more than two decimals";
        if (reportingAmount > MaxReportingAmount)
            return $"is more than {MaxReportingAmount:N0} {reportingCurrency}: taken for a slip";
        return null;
    }

    /// <summary>Why the date cannot be an order's (in the future, or before <see cref="EarliestYear"/>); null when it can.</summary>
    public static string? DateProblem(DateTimeOffset placedAt, DateTimeOffset now)
    {
        if (placedAt.UtcDateTime.Year < EarliestYear)
            return $"is before {EarliestYear}: an empty or mistyped date";
        if (placedAt > now + ClockSkew)
            return "is in the future";
        return null;
    }
}
