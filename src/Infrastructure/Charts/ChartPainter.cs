using ScottPlot;

namespace ChatCrm.Infrastructure.Charts;

/// <summary>
/// Draws a <see cref="ChartPicture"/> as a PNG with ScottPlot (SkiaSharp underneath, its Linux native assets without
/// libfontconfig), in memory: nothing is written to disk. The pictures are small (600 × 300 by default), with a title,
/// labelled axes, one tick per point and a value axis that starts at zero, so bars and trends are never exaggerated.
/// </summary>
public static class ChartPainter
{
    public const int DefaultWidth = 600;
    public const int DefaultHeight = 300;

    private static readonly Color Ink = Color.FromHex("#2F5597");

    public static byte[] Png(ChartPicture picture, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        using var plot = new Plot();
        var positions = Enumerable.Range(0, picture.Points.Count).Select(i => (double)i).ToArray();
        var values = picture.Points.Select(p => p.Value).ToArray();
        if (picture.Shape == ChartShape.Bars)
        {
            var bars = plot.Add.Bars(positions, values);
            bars.Color = Ink;
            foreach (var bar in bars.Bars)
                bar.Label = bar.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            bars.ValueLabelStyle.FontSize = 11;
        }
        else
        {
            var line = plot.Add.Scatter(positions, values);
            line.Color = Ink;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, picture.Points.Select(p => p.Label).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Title(picture.Title, size: 15);
        plot.XLabel(picture.XLabel, size: 12);
        plot.YLabel(picture.YLabel, size: 12);
        var top = values.Length == 0 ? 1 : Math.Max(1, values.Max());
        plot.Axes.SetLimitsY(0, top * 1.15);
        plot.Axes.SetLimitsX(-0.6, Math.Max(positions.Length, 1) - 0.4);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
