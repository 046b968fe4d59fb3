using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Kpis;

/// <summary>Where an active case stands against its SLA for the KPIs.</summary>
public enum CaseSlaWatch
{
    /// <summary>Less than the warning share of the target used.</summary>
    Fine = 0,

    /// <summary>At least the warning share of the target used, not yet past it.</summary>
    Near = 1,

    /// <summary>Past its due time and still not resolved.</summary>
    Past = 2,
}

/// <summary>
/// The KPI definitions that are judgements rather than counts. Pure functions, so the query layer only gathers
/// figures and these decide — with the reason a manager is shown.
/// </summary>
public static class KpiRules
{
    /// <summary>
    /// An active case against its target: past when now is after the due time, near when at least
    /// <paramref name="warnShare"/> of the time from opening to due has been used.
    /// </summary>
    public static (CaseSlaWatch Watch, LocalizedText Reason) WatchCase(DateTimeOffset openedAt, DateTimeOffset dueAt, DateTimeOffset now, decimal warnShare)
    {
        if (now > dueAt)
        {
            var late = Hours(now - dueAt);
            return (CaseSlaWatch.Past, new LocalizedText($"past its SLA by {late} h", $"fuera de SLA desde hace {late} h"));
        }
        var target = (dueAt - openedAt).Ticks;
        var used = target <= 0 ? 1m : (decimal)(now - openedAt).Ticks / target;
        if (used < warnShare)
            return (CaseSlaWatch.Fine, new LocalizedText("on track", "en plazo"));
        var percent = ((int)Math.Floor(used * 100m)).ToString(CultureInfo.InvariantCulture);
        var left = Hours(dueAt - now);
        return (CaseSlaWatch.Near, new LocalizedText($"{percent}% of its SLA used, {left} h left", $"{percent}% del SLA consumido, quedan {left} h"));
    }

    /// <summary>
    /// Is a customer's value falling? When the trailing twelve months are at least <paramref name="minimumDrop"/>
    /// below the twelve months before. A customer with nothing before has nothing to fall from.
    /// </summary>
    public static LocalizedText? FallingValue(decimal current, decimal previous, decimal minimumDrop, string currency)
    {
        if (previous <= 0m || current > previous * (1m - minimumDrop))
            return null;
        var percent = ((int)Math.Round((previous - current) / previous * 100m, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
        var from = Money(previous, currency);
        var to = Money(current, currency);
        return new LocalizedText($"12-month value down {percent}% ({from} → {to})", $"valor a 12 meses un {percent}% menor ({from} → {to})");
    }

    /// <summary>Accepted answers over all answers given; null when nobody answered (no rate rather than a made-up 0%).</summary>
    public static decimal? AcceptanceRate(int accepted, int answered) =>
        answered == 0 ? null : decimal.Round((decimal)accepted / answered, 4, MidpointRounding.AwayFromZero);

    private static string Hours(TimeSpan span) => ((int)Math.Floor(span.TotalHours)).ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(amount, 0, MidpointRounding.AwayFromZero):#,0} {currency}");
}
