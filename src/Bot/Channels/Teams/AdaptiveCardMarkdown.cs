using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Teams reads the text of a <c>TextBlock</c> and of facts as Markdown, so text a person typed (a customer's name,
/// a summary, a case title) could make a link (<c>[click](http://evil)</c>), bold, a list or a code span. ChatCrm's
/// cards carry no Markdown of their own — its links are buttons (<c>Action.OpenUrl</c>) built from our own
/// addresses — so every such text is escaped here, in the one place the renderer writes it: Markdown's marks get a
/// backslash, a list marker at the start of a line too, and a web address is broken with an invisible space so the
/// client does not turn it into a link.
/// </summary>
public static partial class AdaptiveCardMarkdown
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && ListMarker().Match(text, i) is { Success: true } marker)
            {
                // "- x", "+ x", "* x", "1. x", "1) x": the mark keeps its look, without starting a list.
                escaped.Append(marker.Value[..^2]).Append('\\').Append(marker.Value[^2..]);
                i += marker.Length - 1;
                lineStart = false;
                continue;
            }
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~')
                escaped.Append('\\');
            escaped.Append(c);
            lineStart = c is '\n' or '\r' || (lineStart && c is ' ' or '\t');
        }
        return WebAddress().Replace(escaped.ToString(), match => match.Value.Insert(match.Value.Length - (match.Value.EndsWith("//", StringComparison.Ordinal) ? 2 : 1), "\u200B"));
    }

    [GeneratedRegex(@"\G(?:[-+*]|\d{1,9}[.)])[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    /// <summary>"http://", "https://", "ftp://"… and "www." — the starts of what a client would make a link of.</summary>
    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
