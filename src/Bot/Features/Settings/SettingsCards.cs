using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>
/// The person's own settings, defined once as a form (Teams: an Adaptive Card, Slack: a modal): the time zone every
/// date and time is shown in (with where it came from and the time there now) and the language ChatCrm answers in.
/// </summary>
public static class SettingsCards
{
    public const string TimeZone = "timeZone";
    public const string Language = "language";

    public static Card Form(User user, DateTimeOffset now, LanguageCode language, SettingsInput? typed = null,
        IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new FormBody(language, errors);
        body.Add(new CardFacts(
        [
            new(language.Pick("Time zone", "Zona horaria"), $"{user.TimeZone} · {Source(user.TimeZoneSource, language)}"),
            new(language.Pick("Time there now", "Hora allí ahora"), Dates.Local(now, user.ResolveTimeZone())),
            new(language.Pick("Language", "Idioma"), $"{LanguageName(user.Locale)} · {Source(user.LocaleSource, language)}"),
        ]));
        body.Add(new CardTextInput(TimeZone, language.Pick("Time zone (a city or an IANA id)", "Zona horaria (una ciudad o un id IANA)"), 64)
        {
            Placeholder = "Madrid, Europe/Madrid, America/Mexico_City…", Value = typed?.TimeZone ?? user.TimeZone,
        }, TimeZone);
        var current = typed?.Language ?? LocalizedText.LanguageFor(user.Locale).Value;
        body.Add(new CardChoiceInput(Language, language.Pick("Language", "Idioma"), [new("es", "Español"), new("en", "English")])
        {
            Value = current is "es" or "en" ? current : null,
        }, Language);
        body.Add(new CardText(language.Pick(
            "Dates and times are shown in this zone, \"tomorrow\" means tomorrow there, and your digest arrives at its time there. Also typed: settings timezone Madrid, settings language es.",
            "Las fechas y horas se muestran en esta zona, «mañana» es mañana allí y tu resumen llega a su hora allí. También escrito: ajustes zona horaria Madrid, ajustes idioma en."),
            TextEmphasis.Subtle));
        var save = new CardButton(language.Pick("Save", "Guardar"), SettingsCommand.SaveVerb, new Dictionary<string, string>(StringComparer.Ordinal))
        {
            SubmitsInputs = true,
        };
        return new Card(language.Pick("Your settings", "Tus ajustes"), body.Blocks, [save]);
    }

    /// <summary>What was saved, in the language now chosen.</summary>
    public static Card Saved(User user, DateTimeOffset now, bool changed, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(user);
        var title = changed ? language.Pick("Settings saved", "Ajustes guardados") : language.Pick("Nothing to change", "Nada que cambiar");
        return new Card(title,
            [
                new CardFacts(
                [
                    new(language.Pick("Time zone", "Zona horaria"), user.TimeZone),
                    new(language.Pick("Time there now", "Hora allí ahora"), Dates.Local(now, user.ResolveTimeZone())),
                    new(language.Pick("Language", "Idioma"), LanguageName(user.Locale)),
                ]),
            ],
            [CardButton.For(language.Pick("Change again", "Cambiar de nuevo"), SettingsCommand.OpenVerb)]);
    }

    private static string LanguageName(string locale) =>
        LocalizedText.LanguageFor(locale) == LanguageCode.Spanish ? "Español" : "English";

    private static string Source(PreferenceSource source, LanguageCode language) => source switch
    {
        PreferenceSource.Person => language.Pick("chosen by you", "lo elegiste tú"),
        PreferenceSource.ChatClient => language.Pick("as your Teams or Slack reports it", "según tu Teams o Slack"),
        _ => language.Pick("from the directory", "según el directorio"),
    };
}
