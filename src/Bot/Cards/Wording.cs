using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// The bot speaks the reader's language: English, or Spanish for any Spanish locale. Each text is written in both
/// languages where it is used, so a sentence and its translation are reviewed together and none can go missing.
/// </summary>
public static class Wording
{
    /// <summary>The text in <paramref name="language"/>: Spanish for Spanish, English for every other language.</summary>
    public static string Pick(this LanguageCode language, string english, string spanish) =>
        language == LanguageCode.Spanish ? spanish : english;
}
