using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Channels.Slack.Events;

/// <summary>Turns Slack message markup back into what the person typed: mentions removed, entities decoded.</summary>
public static partial class SlackMessageText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var withoutMentions = Mention().Replace(text, " ");
        // Slack escapes only these three; &amp; last so "&amp;lt;" stays "&lt;".
        return withoutMentions.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("<@[A-Z0-9]{1,30}(\\|[^>]{0,100})?>", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Mention();
}
