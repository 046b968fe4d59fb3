using System.Globalization;
using System.Text;

namespace ChatCrm.Bot.Logging;

/// <summary>
/// A value from outside (a request's path, an activity's type or name, a conversation id, a callback id) as it may
/// appear in a log: control characters are escaped (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u001b</c>…), and so are
/// Unicode line separators and bidirectional overrides, so no value can start a forged log line or send a terminal
/// escape sequence; a backslash is doubled so the escapes stay unambiguous, and a value is cut at
/// <see cref="MaxLength"/> characters. Log parameters that carry such values are of this type, so the escaping
/// happens in this one place whichever formatter writes the log.
/// </summary>
public readonly record struct LoggedText(string? Value)
{
    public const int MaxLength = 200;

    public static implicit operator LoggedText(string? value) => new(value);

    public static LoggedText FromString(string? value) => new(value);

    public override string ToString() => Escape(Value);

    /// <summary>The escaped form of <paramref name="value"/> ("" for null).</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        var cut = value.Length > MaxLength;
        var text = cut ? value[..MaxLength] : value;
        if (!cut && !text.AsSpan().ContainsAny(Special))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case '\r': escaped.Append(@"\r"); break;
                case '\n': escaped.Append(@"\n"); break;
                case '\t': escaped.Append(@"\t"); break;
                default:
                    if (NeedsEscape(c))
                        escaped.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        escaped.Append(c);
                    break;
            }
        }
        if (cut)
            escaped.Append('…');
        return escaped.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => c == '\\' || NeedsEscape(c)).ToArray());

    /// <summary>C0 and C1 controls and DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
