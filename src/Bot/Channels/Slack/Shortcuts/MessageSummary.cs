using System.Globalization;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Events;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Channels.Slack.Shortcuts;

/// <summary>
/// A Slack message's text as the prefilled summary of a log modal. A message may hold up to 40,000 characters but a
/// summary takes <see cref="Interaction.MaxSummaryLength"/> and a modal's text input shows at most
/// <see cref="BlockKitLimits.PlainTextInputMax"/>, so a longer message is cut to the smaller of the two and the note
/// says so (with both lengths): the person sees that something is missing before they submit, instead of later.
/// </summary>
public static class MessageSummary
{
    public static int Limit { get; } = Math.Min(Interaction.MaxSummaryLength, BlockKitLimits.PlainTextInputMax);

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    /// <summary>The summary to prefill (mentions removed, Slack's escapes decoded) and, when it was cut, a note.</summary>
    public static (string Summary, LocalizedText? Note) From(string? slackText)
    {
        var text = SlackMessageText.Clean(slackText);
        if (text.Length <= Limit)
            return (text, null);
        // Never split a surrogate pair (an emoji) in two.
        var cut = char.IsHighSurrogate(text[Limit - 1]) ? Limit - 1 : Limit;
        var note = new LocalizedText(
            string.Create(CultureInfo.InvariantCulture, $"The message has {text.Length:N0} characters; only the first {cut:N0} fit in the summary."),
            string.Create(Spanish, $"El mensaje tiene {text.Length:N0} caracteres; en el resumen caben solo los primeros {cut:N0}."));
        return (text[..cut].TrimEnd(), note);
    }
}
