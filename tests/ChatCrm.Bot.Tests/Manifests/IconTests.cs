using System.Buffers.Binary;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>The icons as they go into the package, read from their own PNG bytes (IHDR and the inflated IDAT).</summary>
public sealed class IconTests
{
    private static readonly Dictionary<string, byte[]> Entries = ManifestSamples.Entries(ManifestSamples.BuildTeams().Zip);

    [Theory]
    [InlineData("color.png", 192, PngImage.ColorTypeRgb)]
    [InlineData("outline.png", 32, PngImage.ColorTypeRgba)]
    public void Icon_Header_HasTheSizeAndColourTypeTeamsRequires(string file, int size, byte colorType)
    {
        var png = Entries[file];

        // IHDR is the first chunk: 8-byte signature, length, "IHDR", width, height, bit depth, colour type.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(8, png[24]);
        Assert.Equal(colorType, png[25]);
    }

    [Fact]
    public void ColorIcon_Pixels_AreFullBleedBrandBlueWithAWhiteMark()
    {
        var image = PngImage.TryRead(Entries["color.png"], out var problem) ?? throw new InvalidOperationException(problem);

        Assert.Equal((0x1D, 0x4E, 0x89, 255), ToTuple(image.Pixel(0, 0)));
        Assert.Equal((0x1D, 0x4E, 0x89, 255), ToTuple(image.Pixel(191, 191)));
        var white = Count(image, p => p is { R: 255, G: 255, B: 255 });
        Assert.InRange(white, 192 * 192 / 10, 192 * 192 / 2);
    }

    [Fact]
    public void OutlineIcon_Pixels_AreWhiteWhereverTheyAreNotTransparent()
    {
        var image = PngImage.TryRead(Entries["outline.png"], out var problem) ?? throw new InvalidOperationException(problem);

        var visible = Count(image, p => p.A > 0);
        var notWhite = Count(image, p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));

        Assert.Equal(0, notWhite);
        Assert.InRange(visible, 32 * 32 / 10, 32 * 32 / 2);
        Assert.Equal(0, image.Pixel(0, 0).A);
    }

    [Fact]
    public void TryRead_NotAPng_SaysSo()
    {
        Assert.Null(PngImage.TryRead("GIF89a"u8.ToArray(), out var problem));
        Assert.Contains("not a PNG", problem, StringComparison.Ordinal);
    }

    private static (int, int, int, int) ToTuple((byte R, byte G, byte B, byte A) p) => (p.R, p.G, p.B, p.A);

    private static int Count(PngImage image, Func<(byte R, byte G, byte B, byte A), bool> predicate)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (predicate(image.Pixel(x, y)))
                    count++;
            }
        }
        return count;
    }
}
