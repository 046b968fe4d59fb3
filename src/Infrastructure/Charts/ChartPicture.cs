namespace ChatCrm.Infrastructure.Charts;

/// <summary>How a chart shows its points: a line through them (a trend) or one bar each (a comparison).</summary>
public enum ChartShape
{
    Line = 1,
    Bars = 2,
}

/// <summary>One point of a chart: what the axis says under it, and its value.</summary>
public sealed record ChartPoint(string Label, double Value);

/// <summary>
/// What a chart shows, in words already in the reader's language: its shape, title, axis labels and points. Drawing it
/// (<see cref="ChartPainter"/>) needs nothing else, so the same picture can be described in words as its alt text.
/// </summary>
public sealed record ChartPicture(ChartShape Shape, string Title, string XLabel, string YLabel, IReadOnlyList<ChartPoint> Points);
