using ChatCrm.Infrastructure.Charts;
using ChatCrm.Testing;
using SkiaSharp;

namespace ChatCrm.Infrastructure.Tests.Charts;

/// <summary>
/// The charts are real PNGs, drawn here with ScottPlot on SkiaSharp's Linux assets without libfontconfig: the header
/// says the size asked for, SkiaSharp decodes them, something is drawn on the white, and other figures draw another picture.
/// </summary>
public sealed class ChartPainterTests
{
    private static readonly ChartPicture Trend = new(ChartShape.Line, "Interactions per week, last 4 weeks", "Week starting", "Interactions",
        [new("9 Nov", 4), new("16 Nov", 7), new("23 Nov", 3), new("30 Nov", 9)]);

    private static readonly ChartPicture ByRep = new(ChartShape.Bars, "Interactions by rep", "Rep", "Interactions",
        [new("Ana García", 12), new("Bruno Díaz", 5), new("Olga Ek", 0)]);

    [Fact]
    public void Png_Trend_IsADecodablePngOfTheDefaultSize()
    {
        var png = ChartPainter.Png(Trend);

        Assert.Equal<(int, int)?>((ChartPainter.DefaultWidth, ChartPainter.DefaultHeight), PngHeader.Read(png));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((600, 300), (bitmap.Width, bitmap.Height));
        Assert.True(InkedPixels(bitmap) > 500, "the chart should draw a line, axes and labels on the background");
    }

    [Fact]
    public void Png_BarsAtAnotherSize_HasThatSize()
    {
        var png = ChartPainter.Png(ByRep, 400, 200);

        Assert.Equal<(int, int)?>((400, 200), PngHeader.Read(png));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((400, 200), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Png_DifferentFigures_DrawDifferentPictures()
    {
        var other = Trend with { Points = [new("9 Nov", 4), new("16 Nov", 7), new("23 Nov", 3), new("30 Nov", 1)] };

        Assert.NotEqual(ChartPainter.Png(Trend), ChartPainter.Png(other));
        Assert.Equal(ChartPainter.Png(Trend), ChartPainter.Png(Trend));
    }

    [Fact]
    public void Png_NoPointsOrAllZero_StillDrawsAnEmptyChart()
    {
        var png = ChartPainter.Png(ByRep with { Points = [] });
        var zeros = ChartPainter.Png(ByRep with { Points = [new("Ana García", 0)] });

        Assert.Equal<(int, int)?>((600, 300), PngHeader.Read(png));
        Assert.Equal<(int, int)?>((600, 300), PngHeader.Read(zeros));
    }

    private static int InkedPixels(SKBitmap bitmap)
    {
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200)
                    inked++;
            }
        }
        return inked;
    }
}
