namespace ChatCrm.Domain.Kpis;

/// <summary>
/// The arithmetic of the seeds' KPIs (docs/kpis.md), one place for how each ratio is rounded and what "no figure"
/// means: a ratio over nothing is null (shown as "—"), never a made-up 0%.
/// </summary>
public static class CustomerBaseRules
{
    /// <summary>How many days back a contact or an order keeps a customer active.</summary>
    public const int ActiveDays = 90;

    /// <summary><paramref name="part"/> over <paramref name="whole"/>, to four decimals (0.6667 = 66.67%); null when the whole is 0.</summary>
    public static decimal? Share(int part, int whole) =>
        whole <= 0 ? null : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>A value spread over customers, to two decimals; null when there are none.</summary>
    public static decimal? PerCustomer(decimal value, int customers) =>
        customers <= 0 ? null : decimal.Round(value / customers, 2, MidpointRounding.AwayFromZero);

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/> as a share of the previous (0.25 = +25%); null without both or from 0.</summary>
    public static decimal? Change(decimal? current, decimal? previous) =>
        current is not { } now || previous is not { } before || before == 0m
            ? null
            : decimal.Round((now - before) / before, 4, MidpointRounding.AwayFromZero);

    /// <summary>A mean score, to two decimals; null with no scores.</summary>
    public static decimal? Average(int total, int count) =>
        count <= 0 ? null : decimal.Round((decimal)total / count, 2, MidpointRounding.AwayFromZero);
}
