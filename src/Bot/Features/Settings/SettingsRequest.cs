using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>
/// What follows "settings" / "ajustes" when typed: "timezone Madrid", "time zone Europe/Lisbon", "zona horaria
/// Bogotá", "language es", "idioma español". Nothing (or only a word it does not know) shows the settings.
/// </summary>
public static class SettingsRequest
{
    private static readonly string[] ZoneWords = ["time zone", "timezone", "zone", "tz", "zona horaria", "huso horario", "zona"];
    private static readonly string[] LanguageWords = ["language", "lang", "idioma", "lengua"];

    /// <summary>The change asked for, or null when the text asks for none (show the settings).</summary>
    public static SettingsInput? Parse(string? argument)
    {
        var text = argument?.Trim() ?? string.Empty;
        if (text.Length == 0)
            return null;
        if (After(text, ZoneWords) is { } zone)
            return new SettingsInput(zone, null);
        if (After(text, LanguageWords) is { } language)
            return new SettingsInput(null, language);
        return null;
    }

    /// <summary>The rest of <paramref name="text"/> after one of <paramref name="words"/> (accents and case ignored), or null.</summary>
    private static string? After(string text, string[] words)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var length = word.Split(' ').Length;
            if (tokens.Length > length && SearchText.Fold(string.Join(' ', tokens.Take(length))) == word)
                return string.Join(' ', tokens.Skip(length));
        }
        return null;
    }
}
