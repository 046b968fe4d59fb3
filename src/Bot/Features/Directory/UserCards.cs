using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// The directory as the admin sees it in chat: the list (by team and name, each person with Edit and Deactivate, and
/// Add user), one user's card (their settings, whether they are linked to Teams or Slack, Edit and Deactivate), and the
/// answers around them. No customer content: this is the admin's view.
/// </summary>
public static class UserCards
{
    /// <summary>People listed on one card (each takes a line and a row of buttons; Block Kit allows 50 blocks).</summary>
    public const int MaxListed = 15;

    public static Card List(IReadOnlyList<DirectoryEntry> entries, string? team, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var body = new List<CardBlock>();
        if (entries.Count == 0)
            body.Add(new CardText(language.Pick("Nobody is in the directory yet.", "Aún no hay nadie en el directorio.")));
        foreach (var entry in entries.Take(MaxListed))
        {
            var status = entry.Active ? string.Empty : language.Pick(" · deactivated", " · dado de baja");
            body.Add(new CardText($"{entry.Name} · {RoleChangeRule.Name(entry.Role).In(language)} · {entry.Team ?? "—"} · {entry.Email ?? "—"}{status}"));
            var buttons = new List<CardButton> { Button(language.Pick("Edit", "Editar"), UserActions.EditVerb, entry.Id) };
            if (entry.Active)
                buttons.Add(Button(language.Pick("Deactivate", "Dar de baja"), UserActions.DeactivateVerb, entry.Id));
            body.Add(new CardButtonRow(buttons));
        }
        if (entries.Count > MaxListed)
            body.Add(new CardText(language.Pick(
                $"Showing {MaxListed} of {entries.Count}. Type \"admin users <team>\" for one team, or \"admin user <name or e-mail>\" for one person.",
                $"Se muestran {MaxListed} de {entries.Count}. Escribe \"admin usuarios <equipo>\" para un equipo, o \"admin usuario <nombre o e-mail>\" para una persona."),
                TextEmphasis.Subtle));
        var title = team is null
            ? language.Pick($"Users ({entries.Count})", $"Usuarios ({entries.Count})")
            : language.Pick($"Users of {team} ({entries.Count})", $"Usuarios de {team} ({entries.Count})");
        return new Card(title, body, [new CardButton(language.Pick("Add user", "Añadir usuario"), UserActions.NewVerb, new Dictionary<string, string>())]);
    }

    /// <summary>One user's card; <paramref name="notice"/> says what just happened (saved, or changed by someone else meanwhile).</summary>
    public static Card Detail(User user, string? managerEmail, LanguageCode language, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new List<CardBlock>();
        if (notice is not null)
            body.Add(new CardText(notice, TextEmphasis.Strong));
        var linked = string.Join(", ", new[] { user.TeamsAadObjectId is null ? null : "Teams", user.SlackUserKey is null ? null : "Slack" }.OfType<string>());
        body.Add(new CardFacts(
        [
            new CardFact(language.Pick("Work e-mail", "Correo de trabajo"), user.Email ?? "—"),
            new CardFact(language.Pick("Role", "Rol"), RoleChangeRule.Name(user.Role).In(language)),
            new CardFact(language.Pick("Team", "Equipo"), user.Team ?? "—"),
            new CardFact(language.Pick("Manager", "Responsable"), managerEmail ?? "—"),
            new CardFact(language.Pick("Time zone", "Zona horaria"), user.TimeZone),
            new CardFact(language.Pick("Language", "Idioma"), user.Locale),
            new CardFact(language.Pick("Status", "Estado"), user.IsActive ? language.Pick("active", "activo") : language.Pick("deactivated", "dado de baja")),
            new CardFact(language.Pick("Chat", "Chat"), linked.Length > 0 ? linked
                : language.Pick("not linked yet (on their first message)", "aún sin vincular (en su primer mensaje)")),
        ]));
        var buttons = new List<CardButton> { Button(language.Pick("Edit", "Editar"), UserActions.EditVerb, user.Id) };
        if (user.IsActive)
            buttons.Add(Button(language.Pick("Deactivate", "Dar de baja"), UserActions.DeactivateVerb, user.Id));
        return new Card(user.DisplayName, body, buttons);
    }

    /// <summary>"admin user …" matched several people: each with a button to their card.</summary>
    public static Card Choose(IReadOnlyList<User> users, string text, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(users);
        var body = new List<CardBlock> { new CardText(language.Pick($"Several users match \"{text}\": which one?", $"Varios usuarios coinciden con \"{text}\": ¿cuál?")) };
        body.AddRange(users.Select(u => new CardText($"{u.DisplayName} · {u.Email ?? "—"}")));
        return new Card(language.Pick("Which user?", "¿Qué usuario?"), body,
            users.Select(u => Button(u.DisplayName, UserActions.ShowVerb, u.Id)).ToList());
    }

    public static LocalizedText Changed { get; } = new(
        "Someone changed this user meanwhile, so I saved nothing. Here is the user as they are now; edit again if needed.",
        "Alguien cambió este usuario mientras tanto, así que no guardé nada. Así está ahora; edítalo de nuevo si hace falta.");

    public static LocalizedText Gone { get; } = new("That user is no longer in the directory.", "Ese usuario ya no está en el directorio.");

    private static CardButton Button(string title, string verb, UserId user) => CardButton.For(title, verb, (UserFormCards.UserKey, user.Value.ToString()));
}
