using System.Text;
using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>Text objects within their limits: anything too long is cut and ends in "…", so the cut is visible.</summary>
public static class BlockKitText
{
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    public static string Fit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
            return text;
        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut] + Ellipsis;
    }

    /// <summary>
    /// Escapes the three characters Slack's <c>mrkdwn</c> treats as markup, then fits the result, backing off so
    /// an entity such as <c>&amp;amp;</c> is never cut in half.
    /// </summary>
    public static string FitMarkdown(string text, int max)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max)
            return escaped;
        var fitted = Fit(escaped, max);
        var body = fitted[..^Ellipsis.Length];
        var amp = body.LastIndexOf('&');
        if (amp >= 0 && body.IndexOf(';', amp) < 0)
            body = body[..amp];
        return body + Ellipsis;
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    public static JsonObject Plain(string text, int max) => new() { ["type"] = "plain_text", ["text"] = Fit(NonEmpty(text), max), ["emoji"] = true };

    public static JsonObject Markdown(string text, int max) => new() { ["type"] = "mrkdwn", ["text"] = FitMarkdown(NonEmpty(text), max) };

    /// <summary>Slack refuses empty text objects; a lone space would be refused too.</summary>
    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "-" : text;
}
