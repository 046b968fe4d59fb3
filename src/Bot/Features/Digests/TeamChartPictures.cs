using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Charts;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// A team's charts in the reader's words: the picture drawn (<see cref="ChartPainter"/>) and the alt text that says the
/// same figures in a sentence, both from one <see cref="TeamChartData"/>, so the text and the picture never disagree.
/// </summary>
public static class TeamChartPictures
{
    /// <summary>The charts worth showing for these figures: none for a team of nobody; the bars only when the period has interactions.</summary>
    public static IReadOnlyList<ChartKind> Worth(TeamChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.NoTeam)
            return [];
        var kinds = new List<ChartKind>();
        if (data.Weeks.Any(w => w.Interactions > 0))
            kinds.Add(ChartKind.Trend);
        if (data.PeriodTotal > 0)
            kinds.AddRange([ChartKind.ByRep, ChartKind.ByChannel]);
        return kinds;
    }

    public static ChartPicture Picture(ChartKind kind, TeamChartData data, LanguageCode language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = language.Pick("Interactions", "Interacciones");
        return kind switch
        {
            ChartKind.Trend => new ChartPicture(ChartShape.Line,
                language.Pick($"Interactions per week, last {data.Weeks.Count} weeks", $"Interacciones por semana, últimas {data.Weeks.Count} semanas"),
                language.Pick("Week starting", "Semana desde"), count, Points(data, kind, language, zone)),
            ChartKind.ByRep => new ChartPicture(ChartShape.Bars, language.Pick("Interactions by rep", "Interacciones por comercial"),
                language.Pick("Rep", "Comercial"), count, Points(data, kind, language, zone)),
            _ => new ChartPicture(ChartShape.Bars, language.Pick("Interactions by channel", "Interacciones por canal"),
                language.Pick("Channel", "Canal"), count, Points(data, kind, language, zone)),
        };
    }

    /// <summary>The chart said in a sentence: its title and every figure it draws ("Chart: … — Ana García 12, …").</summary>
    public static string AltText(ChartKind kind, TeamChartData data, LanguageCode language, TimeZoneInfo zone)
    {
        var picture = Picture(kind, data, language, zone);
        var figures = string.Join(", ", picture.Points.Select(p => $"{p.Label} {p.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));
        return language.Pick($"Chart: {picture.Title}. {figures}.", $"Gráfico: {picture.Title}. {figures}.");
    }

    private static List<ChartPoint> Points(TeamChartData data, ChartKind kind, LanguageCode language, TimeZoneInfo zone) => kind switch
    {
        ChartKind.Trend => data.Weeks.Select(w => new ChartPoint(WeekLabel(w.Since, language, zone), w.Interactions)).ToList(),
        ChartKind.ByRep => data.ByRep.Select(r => new ChartPoint(r.RepName, r.Interactions)).ToList(),
        _ => data.ByChannel.Select(c => new ChartPoint(InteractionWording.Channel(c.Key, language), c.Value)).ToList(),
    };

    private static string WeekLabel(DateTimeOffset since, LanguageCode language, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(since, zone).ToString("d MMM", CultureInfo.GetCultureInfo(language.Pick("en-GB", "es-ES")));
}
