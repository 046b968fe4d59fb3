using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>What a user form holds, as typed (or as stored, when an edit form opens); field names are <see cref="UserFormCards"/>'s.</summary>
public sealed record UserFormValues(string? Name, string? Email, string? Role, string? Team, string? Manager, string? TimeZone, string? Language)
{
    public static UserFormValues Of(User user, string? managerEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.DisplayName, user.Email, user.Role.ToString(), user.Team, managerEmail, user.TimeZone, user.Locale);
    }

    public static UserFormValues Of(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string key) => values.TryGetValue(key, out var value) ? value : null;
        return new(Value(UserFormCards.Name), Value(UserFormCards.Email), Value(UserFormCards.Role), Value(UserFormCards.Team),
            Value(UserFormCards.Manager), Value(UserFormCards.TimeZone), Value(UserFormCards.Language));
    }
}

/// <summary>
/// The admin's user forms, defined once as channel-neutral cards (Teams shows them as Adaptive Cards, Slack as modals):
/// the profile form (add, or edit one user: name, work e-mail, role, team, manager, time zone, language) and the
/// deactivation form (who takes over the customers). Field ids are the directory's own field names, so a problem from
/// <see cref="UserWrites"/> lands under its field. A form shown again after a refusal keeps what was typed, with ⚠ and
/// the reason under each wrong field.
/// </summary>
public static class UserFormCards
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Team = "team";
    public const string Manager = "manager";
    public const string TimeZone = "timeZone";
    public const string Language = "language";
    public const string HandOverTo = "handOverTo";

    /// <summary>The user a form or button is about (their id), and the version of them the form was built from.</summary>
    public const string UserKey = "user";
    public const string VersionKey = "version";

    /// <summary>The add form (<paramref name="editing"/> null) or the edit form of one user, at the version the admin sees.</summary>
    public static Card Profile(UserFormValues? values, (User User, long Version)? editing, LanguageCode language, IReadOnlyDictionary<string, string>? errors = null)
    {
        var body = new FormBody(language, errors);

        body.Add(new CardTextInput(Name, language.Pick("Name", "Nombre"), User.MaxNameLength)
        {
            Placeholder = language.Pick("As colleagues know them", "Como lo conocen sus compañeros"), Value = values?.Name,
        }, Name);
        body.Add(new CardTextInput(Email, language.Pick("Work e-mail", "Correo de trabajo"), User.MaxEmailLength, IsRequired: editing is null)
        {
            Placeholder = "name@company.com", Value = values?.Email,
        }, Email);
        var roles = Enum.GetValues<UserRole>().Select(r => new CardChoice(r.ToString(), Capitalised(RoleChangeRule.Name(r).In(language)))).ToList();
        body.Add(new CardChoiceInput(Role, language.Pick("Role", "Rol"), roles) { Value = values?.Role ?? nameof(UserRole.SalesRep) }, Role);
        body.Add(new CardTextInput(Team, language.Pick("Team", "Equipo"), UserInput.MaxTeamLength, IsRequired: false)
        {
            Placeholder = language.Pick("Iberia, Support…", "Iberia, Soporte…"), Value = values?.Team,
        }, Team);
        body.Add(new CardTextInput(Manager, language.Pick("Manager's work e-mail", "Correo de su responsable"), User.MaxEmailLength, IsRequired: false)
        {
            Placeholder = language.Pick("Blank for none", "En blanco si no tiene"), Value = values?.Manager,
        }, Manager);
        body.Add(new CardTextInput(TimeZone, language.Pick("Time zone (IANA)", "Zona horaria (IANA)"), 64)
        {
            Placeholder = "Europe/Madrid", Value = values?.TimeZone ?? UserWrites.DefaultTimeZone,
        }, TimeZone);
        body.Add(new CardChoiceInput(Language, language.Pick("Language", "Idioma"), Languages(values?.Language))
        {
            Value = values?.Language ?? UserWrites.DefaultLanguage,
        }, Language);
        var data = editing is { } edit
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [UserKey] = edit.User.Id.Value.ToString(), [VersionKey] = Text(edit.Version) }
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var save = new CardButton(language.Pick("Save", "Guardar"), UserActions.SaveVerb, data) { SubmitsInputs = true };
        var title = editing is { } shown ? language.Pick($"Edit {shown.User.DisplayName}", $"Editar a {shown.User.DisplayName}") : language.Pick("Add a user", "Añadir usuario");
        return new Card(title, body.Blocks, [save]);
    }

    /// <summary>The deactivation form: who takes over the user's <paramref name="customers"/> customers, in the same step.</summary>
    public static Card Deactivate(User user, long version, int customers, string? handOverTo, LanguageCode language, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new List<CardBlock>
        {
            new CardText(language.Pick(
                $"{user.DisplayName} will no longer be able to use ChatCrm. Their {customers} customer(s) go to the colleague you name, in the same step; their history stays.",
                $"{user.DisplayName} ya no podrá usar ChatCrm. Sus {customers} cliente(s) pasan a la persona que indiques, en el mismo paso; su historial se conserva.")),
            new CardTextInput(HandOverTo, language.Pick("Hand their customers to (name or e-mail)", "Pasar sus clientes a (nombre o e-mail)"), 200)
            {
                Placeholder = language.Pick("A sales rep, support agent or manager", "Un comercial, agente de soporte o responsable"), Value = handOverTo,
            },
        };
        if (errors is not null)
            body.AddRange(errors.Values.Select(message => new CardText("⚠ " + message, TextEmphasis.Warning)));
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [UserKey] = user.Id.Value.ToString(), [VersionKey] = Text(version) };
        var leave = new CardButton(language.Pick("Deactivate", "Dar de baja"), UserActions.LeaveVerb, data) { SubmitsInputs = true };
        return new Card(language.Pick($"Deactivate {user.DisplayName}", $"Dar de baja a {user.DisplayName}"), body, [leave]);
    }

    private static List<CardChoice> Languages(string? current)
    {
        var choices = new List<CardChoice> { new("en", "English"), new("es", "Español") };
        if (!string.IsNullOrWhiteSpace(current) && choices.All(c => c.Value != current))
            choices.Add(new CardChoice(current, current));
        return choices;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Text(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
