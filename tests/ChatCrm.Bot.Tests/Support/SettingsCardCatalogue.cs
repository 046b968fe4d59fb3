using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Settings;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>The settings form (as it opens, and with every field refused at its longest) and its answer, for <see cref="CardCatalogue"/>.</summary>
public static class SettingsCardCatalogue
{
    public static IEnumerable<(string Name, Card Card)> All(LanguageCode language)
    {
        var user = new User(UserId.New(), new string('A', User.MaxNameLength), UserRole.SalesRep, "Iberia", "America/Argentina/ComodRivadavia", "es-ES");
        var now = DateTimeOffset.UtcNow;
        yield return ("settings form", SettingsCards.Form(user, now, language));
        var typed = new SettingsInput(new string('x', 64), new string('y', 64));
        var (_, _, errors) = typed.Check(language);
        yield return ("settings form with errors", SettingsCards.Form(user, now, language, typed, errors));
        yield return ("settings saved", SettingsCards.Saved(user, now, changed: true, language));
    }
}
