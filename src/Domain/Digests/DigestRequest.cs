using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Digests;

/// <summary>What a manager typed after "digest", read: show the setting, turn it off, or set it.</summary>
public enum DigestCommandKind
{
    Show,
    Off,
    Set,
    Invalid,
}

/// <summary>
/// The digest command's argument, read in English or Spanish: "daily 08:00 teams", "weekly monday 09:00 slack",
/// "semanal lunes 9:00", "off" / "desactivar", or nothing (show the setting). The channel is optional (the one the
/// manager is typing in). A request it cannot read comes back <see cref="DigestCommandKind.Invalid"/> with the reason.
/// </summary>
public sealed record DigestRequest(DigestCommandKind Kind, DigestFrequency Frequency, DayOfWeek? Day, TimeOnly LocalTime, DigestChannel Channel)
{
    public LocalizedText? Problem { get; init; }

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miercoles"] = DayOfWeek.Wednesday, ["jueves"] = DayOfWeek.Thursday,
        ["viernes"] = DayOfWeek.Friday, ["sabado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
    };

    private static readonly HashSet<string> OffWords = new(StringComparer.Ordinal) { "off", "stop", "none", "desactivar", "apagar", "ninguno", "no" };

    public static DigestRequest Parse(string? argument, DigestChannel currentChannel)
    {
        var words = SearchText.Fold(argument?.Replace(':', 'h').Replace('.', 'h')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return new(DigestCommandKind.Show, default, null, default, currentChannel);
        if (words.Length == 1 && OffWords.Contains(words[0]))
            return new(DigestCommandKind.Off, default, null, default, currentChannel);

        DigestFrequency? frequency = null;
        DayOfWeek? day = null;
        TimeOnly? time = null;
        var channel = currentChannel;
        foreach (var word in words)
        {
            if (word is "daily" or "diario" or "diaria" or "cada" or "dia")
                frequency ??= DigestFrequency.Daily;
            else if (word is "weekly" or "semanal" or "semana")
                frequency = DigestFrequency.Weekly;
            else if (Days.TryGetValue(word, out var named))
                day = named;
            else if (word is "teams")
                channel = DigestChannel.Teams;
            else if (word is "slack")
                channel = DigestChannel.Slack;
            else if (ReadTime(word) is { } read)
                time = read;
            else
                return Invalid(new($"I don't understand \"{word}\" in a digest setting.", $"No entiendo \"{word}\" en la configuración del resumen."));
        }
        if (day is not null)
            frequency ??= DigestFrequency.Weekly;
        if (frequency is null || time is null)
        {
            return Invalid(new("Say how often and at what time, e.g. \"digest daily 08:00 teams\" or \"digest weekly monday 09:00 slack\".",
                "Indica la frecuencia y la hora, p. ej. \"resumen diario 08:00 teams\" o \"resumen semanal lunes 09:00 slack\"."));
        }
        if (frequency == DigestFrequency.Daily && day is not null)
            return Invalid(new("A daily digest has no weekday; use \"weekly\" with a day.", "Un resumen diario no lleva día de la semana; usa \"semanal\" con un día."));
        return new(DigestCommandKind.Set, frequency.Value, frequency == DigestFrequency.Weekly ? day ?? DayOfWeek.Monday : null, time.Value, channel);
    }

    /// <summary>"08h00" (':' and '.' were read as 'h'), "8h", "0800".</summary>
    private static TimeOnly? ReadTime(string word)
    {
        var parts = word.Split('h');
        var digits = parts.Length switch
        {
            1 when word.Length == 4 && word.All(char.IsAsciiDigit) => (word[..2], word[2..]),
            2 when parts[0].Length is 1 or 2 => (parts[0], parts[1].Length == 0 ? "00" : parts[1]),
            _ => ((string, string)?)null,
        };
        if (digits is not var (hours, minutes)
            || !int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || minutes.Length != 2 || h > 23 || m > 59)
            return null;
        return new TimeOnly(h, m);
    }

    private static DigestRequest Invalid(LocalizedText problem) =>
        new(DigestCommandKind.Invalid, default, null, default, default) { Problem = problem };
}
