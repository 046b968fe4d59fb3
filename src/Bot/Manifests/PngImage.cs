using System.Buffers.Binary;
using System.IO.Compression;

namespace ChatCrm.Bot.Manifests;

/// <summary>
/// Just enough of PNG to check an app icon: the size and colour type from <c>IHDR</c>, and the pixels (8-bit RGB or
/// RGBA, every row filter undone) from the inflated <c>IDAT</c> data. Teams refuses a package whose outline icon is
/// not white on transparent, and that is only visible in the pixels.
/// </summary>
public sealed class PngImage
{
    public const byte ColorTypeRgb = 2;
    public const byte ColorTypeRgba = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels;

    private PngImage(int width, int height, byte colorType, byte[] pixels)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte ColorType { get; }

    public bool HasAlpha => ColorType == ColorTypeRgba;

    private int Channels => HasAlpha ? 4 : 3;

    /// <summary>The pixel at (x, y) as red, green, blue and alpha (255 without an alpha channel).</summary>
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var at = ((y * Width) + x) * Channels;
        return (_pixels[at], _pixels[at + 1], _pixels[at + 2], HasAlpha ? _pixels[at + 3] : (byte)255);
    }

    /// <summary>The decoded image, or null with the reason when the bytes are not an 8-bit RGB/RGBA PNG.</summary>
    public static PngImage? TryRead(ReadOnlySpan<byte> png, out string? problem)
    {
        problem = null;
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            problem = "is not a PNG file.";
            return null;
        }
        int width = 0, height = 0;
        byte colorType = 0;
        using var compressed = new MemoryStream();
        for (var at = Signature.Length; at + 12 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length < 0 || at + 12 + length > png.Length)
                break;
            var type = System.Text.Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            var data = png.Slice(at + 8, length);
            if (type == "IHDR" && length >= 13)
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                if (data[8] != 8 || (data[9] != ColorTypeRgb && data[9] != ColorTypeRgba) || data[12] != 0)
                {
                    problem = "must be an 8-bit, non-interlaced RGB or RGBA PNG.";
                    return null;
                }
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            at += 12 + length;
        }
        if (width is <= 0 or > 4096 || height is <= 0 or > 4096 || compressed.Length == 0)
        {
            problem = "has no readable IHDR and IDAT chunks.";
            return null;
        }
        var channels = colorType == ColorTypeRgba ? 4 : 3;
        var raw = Inflate(compressed.ToArray(), height * ((width * channels) + 1));
        if (raw is null)
        {
            problem = "has image data that does not inflate to its declared size.";
            return null;
        }
        return new PngImage(width, height, colorType, Unfilter(raw, width, height, channels));
    }

    private static byte[]? Inflate(byte[] compressed, int expected)
    {
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var raw = new byte[expected];
            var read = 0;
            while (read < expected && inflater.Read(raw, read, expected - read) is var n and > 0)
                read += n;
            return read == expected ? raw : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Undoes the per-row filters (None, Sub, Up, Average, Paeth) of the PNG specification.</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var value = raw[(y * (stride + 1)) + 1 + i];
                var left = i >= channels ? pixels[(y * stride) + i - channels] : 0;
                var up = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                var upLeft = y > 0 && i >= channels ? pixels[((y - 1) * stride) + i - channels] : 0;
                pixels[(y * stride) + i] = (byte)(value + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
