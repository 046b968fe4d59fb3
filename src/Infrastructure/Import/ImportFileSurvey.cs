using System.Text;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// One quick pass over the file's bytes before it is parsed: its encoding (a UTF-8 byte order mark; otherwise UTF-8
/// when every byte sequence is valid UTF-8, else Windows-1252, which older spreadsheet exports write), the separator
/// of its header line (semicolon when it has more semicolons than commas) and how many records it holds (line breaks
/// outside quotes), which lets the progress bar show time left while the file is streamed.
/// </summary>
public sealed record ImportFileSurvey(Encoding Encoding, char Separator, long Records)
{
    private const int ChunkSize = 1 << 16;

    static ImportFileSurvey() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>UTF-8 that turns bytes it cannot read into U+FFFD, so the row holding them is rejected rather than the file.</summary>
    public static Encoding LenientUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static ImportFileSurvey Inspect(Stream file, ImportFormat format, ImportEncoding choice)
    {
        ArgumentNullException.ThrowIfNull(file);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var validUtf8 = true;
        var buffer = new byte[ChunkSize];
        long breaks = 0;
        var inQuotes = false;
        var lastByte = (byte)'\n';
        var header = new List<byte>();
        var headerDone = false;
        int read;
        var first = true;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (first && span.StartsWith("\uFEFF"u8))
                span = span[3..];
            first = false;
            if (validUtf8 && choice == ImportEncoding.Detect)
                validUtf8 = IsValid(strict, span, flush: false);
            foreach (var b in span)
            {
                if (b == (byte)'"' && format == ImportFormat.Csv)
                    inQuotes = !inQuotes;
                else if (b == (byte)'\n' && !inQuotes)
                {
                    breaks++;
                    headerDone = true;
                }
                if (!headerDone && header.Count < ChunkSize)
                    header.Add(b);
            }
            lastByte = span.Length > 0 ? span[^1] : lastByte;
        }
        if (validUtf8 && choice == ImportEncoding.Detect)
            validUtf8 = IsValid(strict, [], flush: true);
        var lines = breaks + (lastByte == (byte)'\n' ? 0 : 1);
        var records = format == ImportFormat.Csv ? Math.Max(0, lines - 1) : lines;
        var encoding = choice switch
        {
            ImportEncoding.Utf8 => LenientUtf8,
            ImportEncoding.Windows1252 => Windows1252,
            _ => validUtf8 ? LenientUtf8 : Windows1252,
        };
        var semicolons = header.Count(b => b == (byte)';');
        var commas = header.Count(b => b == (byte)',');
        return new ImportFileSurvey(encoding, semicolons > commas ? ';' : ',', records);
    }

    /// <summary>Decodes (and so advances the decoder past) the chunk: a character split between two chunks is still valid.</summary>
    private static bool IsValid(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            var chars = new char[Math.Max(4, bytes.Length + 4)];
            decoder.GetChars(bytes, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
