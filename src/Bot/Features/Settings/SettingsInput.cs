using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>
/// A person's own settings as they typed or picked them: a time zone (an IANA id or a city, read by
/// <see cref="TimeZoneNames"/>) and a language (English or Spanish, the two ChatCrm speaks). Checked as a whole, so a
/// change with one bad value saves nothing.
/// </summary>
public sealed record SettingsInput(string? TimeZone, string? Language)
{
    /// <summary>The values to store (an IANA id, a locale), or the problems by field in the reader's language.</summary>
    public (string? ZoneId, string? Locale, IReadOnlyDictionary<string, string> Errors) Check(LanguageCode reader)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? zone = null;
        string? locale = null;
        if (!string.IsNullOrWhiteSpace(TimeZone))
        {
            zone = TimeZoneNames.Resolve(TimeZone);
            if (zone is null)
                errors[SettingsCards.TimeZone] = UnknownZone(TimeZone, reader);
        }
        if (!string.IsNullOrWhiteSpace(Language))
        {
            locale = ReadLanguage(Language);
            if (locale is null)
                errors[SettingsCards.Language] = reader.Pick(
                    $"\"{Cut(Language)}\" is not a language I speak: choose en (English) or es (Spanish).",
                    $"«{Cut(Language)}» no es un idioma que hable: elige es (español) o en (inglés).");
        }
        return (zone, locale, errors);
    }

    /// <summary>Why a zone was refused, with what would be understood instead.</summary>
    public static string UnknownZone(string text, LanguageCode reader) => reader.Pick(
        $"\"{Cut(text)}\" is not a time zone I know. Use an IANA id such as Europe/Madrid or America/Mexico_City, or a city such as Madrid, London or New York. Nothing was changed.",
        $"«{Cut(text)}» no es una zona horaria que conozca. Usa un id IANA como Europe/Madrid o America/Mexico_City, o una ciudad como Madrid, Londres o Nueva York. No se ha cambiado nada.");

    /// <summary>"en", "es", "es-MX", "English", "español"… as a locale to store; null for anything else.</summary>
    public static string? ReadLanguage(string text)
    {
        var folded = SearchText.Fold(text);
        switch (folded)
        {
            case "en" or "english" or "ingles":
                return "en";
            case "es" or "spanish" or "espanol" or "castellano":
                return "es";
        }
        var parts = text.Trim().Replace('_', '-').Split('-');
        return parts is [{ Length: 2 } code, { Length: 2 } region] && region.All(char.IsAsciiLetter)
            && (code.Equals("en", StringComparison.OrdinalIgnoreCase) || code.Equals("es", StringComparison.OrdinalIgnoreCase))
            ? $"{code.ToLowerInvariant()}-{region.ToUpperInvariant()}"
            : null;
    }

    private static string Cut(string text) => text.Trim().Length <= 64 ? text.Trim() : text.Trim()[..63] + "…";
}
