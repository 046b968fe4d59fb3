using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Kpis;

/// <summary>The length of a KPI period a manager asks for.</summary>
public enum KpiSpan
{
    Week = 1,
    Month = 2,
}

/// <summary>
/// The stretch of time the KPIs cover: from <see cref="Since"/> (included) to <see cref="Until"/> (excluded). A
/// trailing period rather than a calendar one, so "kpis week" on a Monday morning is not an empty week.
/// </summary>
public readonly record struct KpiPeriod(DateTimeOffset Since, DateTimeOffset Until)
{
    /// <summary>The seven (week) or thirty (month) days up to <paramref name="until"/>.</summary>
    public static KpiPeriod Ending(DateTimeOffset until, KpiSpan span)
    {
        var utc = until.ToUniversalTime();
        return new KpiPeriod(utc.AddDays(span == KpiSpan.Month ? -30 : -7), utc);
    }

    public bool Contains(DateTimeOffset moment) => moment >= Since && moment < Until;
}

/// <summary>
/// The argument of "kpis" / "indicadores": nothing or "week"/"semana" for the last seven days, "month"/"mes" for the
/// last thirty. Anything else is refused with the words that work, so a typo never shows the wrong period.
/// </summary>
public sealed record KpiRequest(KpiSpan Span, LocalizedText? Problem)
{
    private static readonly Dictionary<string, KpiSpan> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["week"] = KpiSpan.Week,
        ["weekly"] = KpiSpan.Week,
        ["semana"] = KpiSpan.Week,
        ["semanal"] = KpiSpan.Week,
        ["month"] = KpiSpan.Month,
        ["monthly"] = KpiSpan.Month,
        ["mes"] = KpiSpan.Month,
        ["mensual"] = KpiSpan.Month,
    };

    public bool IsValid => Problem is null;

    public static KpiRequest Parse(string? argument)
    {
        var word = argument?.Trim() ?? string.Empty;
        if (word.Length == 0)
            return new KpiRequest(KpiSpan.Week, null);
        return Words.TryGetValue(word, out var span)
            ? new KpiRequest(span, null)
            : new KpiRequest(KpiSpan.Week, new LocalizedText(
                $"I don't understand \"{word}\": write \"kpis week\" or \"kpis month\".",
                $"No entiendo \"{word}\": escribe \"indicadores semana\" o \"indicadores mes\"."));
    }
}
