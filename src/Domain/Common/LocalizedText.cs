namespace ChatCrm.Domain.Common;

/// <summary>
/// A sentence for a person, in the two languages ChatCrm's teams work in. Rules return both texts so the
/// decision stays the same whoever reads it; only the rendering picks one, by the reader's language.
/// </summary>
public sealed record LocalizedText(string English, string Spanish)
{
    /// <summary>The text in <paramref name="language"/>: Spanish for Spanish, English for every other language.</summary>
    public string In(LanguageCode language) => language == LanguageCode.Spanish ? Spanish : English;

    /// <summary>
    /// The language to answer in for a BCP 47 locale ("es-ES", "es-419", "es_MX" → Spanish); English for any
    /// other or missing locale, because English is the only other language we have texts for.
    /// </summary>
    public static LanguageCode LanguageFor(string? locale)
    {
        var trimmed = locale?.Trim();
        if (trimmed is null || trimmed.Length < 2 || !trimmed.StartsWith("es", StringComparison.OrdinalIgnoreCase))
            return LanguageCode.English;
        return trimmed.Length == 2 || trimmed[2] is '-' or '_' ? LanguageCode.Spanish : LanguageCode.English;
    }

    public override string ToString() => English;
}
