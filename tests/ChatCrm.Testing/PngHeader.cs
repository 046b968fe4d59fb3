using System.Buffers.Binary;
using System.Text;

namespace ChatCrm.Testing;

/// <summary>What a PNG says about itself: its eight-byte signature, then the width and height of its IHDR chunk.</summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <returns>The picture's width and height, or null when the bytes are not a PNG.</returns>
    public static (int Width, int Height)? Read(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
            return null;
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
