using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Customers;
using System.Globalization;
using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// The admin's cards and answers: the status card (is everything wired?), the list of admin sub-commands, the
/// confirmation before moving a chat account from one user to another, and the sentences of map and digest changes.
/// Times are shown in the admin's own time zone.
/// </summary>
public static class AdminCards
{
    public static LocalizedText MapUsage { get; } = new(
        "Write \"admin map teams|slack <account> <user> [role]\": the account as an @mention or an id (Teams 29:… or Entra object id; Slack U…), the user by e-mail or name, and optionally a role (rep, support, manager, admin, privacy).",
        "Escribe \"admin vincular teams|slack <cuenta> <usuario> [rol]\": la cuenta como @mención o id (Teams 29:… o id de objeto de Entra; Slack U…), el usuario por e-mail o nombre y, si quieres, un rol (comercial, soporte, responsable, administrador, privacidad).");

    public static LocalizedText DigestUsage { get; } = new(
        "Write \"admin digest <manager> daily 08:00 [teams|slack]\", \"admin digest <manager> weekly monday 09:00\" or \"admin digest <manager> off\".",
        "Escribe \"admin resumen <responsable> diario 08:00 [teams|slack]\", \"admin resumen <responsable> semanal lunes 09:00\" o \"admin resumen <responsable> desactivar\".");

    /// <summary>The admin sub-commands, for "admin help" or a sub-command not understood (<paramref name="word"/>).</summary>
    public static Card Help(LanguageCode language, string? word = null)
    {
        var body = new List<CardBlock>();
        if (!string.IsNullOrWhiteSpace(word) && !string.Equals(word, "help", StringComparison.OrdinalIgnoreCase) && !string.Equals(word, "ayuda", StringComparison.OrdinalIgnoreCase))
        {
            body.Add(new CardText(language.Pick($"\"admin {CustomerCards.Shorten(word, 40)}\" is not an admin command. These are:",
                $"\"admin {CustomerCards.Shorten(word, 40)}\" no es una orden de administración. Estas son:")));
        }
        body.Add(new CardFacts(Lines(language)));
        return new Card(language.Pick("Admin commands", "Órdenes de administración"), body, []);
    }

    /// <summary>The admin lines of the help card (shown to admins only).</summary>
    public static IReadOnlyList<CardFact> Lines(LanguageCode language) =>
    [
        Line(language, "admin [status]", "admin estado",
            "channels, database and migrations, scheduler, next digests, offer model, version",
            "canales, base de datos y migraciones, planificador, próximos resúmenes, modelo de ofertas, versión"),
        Line(language, "admin map teams|slack <account> <user> [role] [--force]", "admin vincular teams|slack <cuenta> <usuario> [rol] [forzar]",
            "link a Teams or Slack account to a ChatCrm user, and set their role",
            "vincula una cuenta de Teams o Slack a un usuario de ChatCrm y fija su rol"),
        Line(language, "admin digest <manager> daily|weekly [day] HH:MM [teams|slack] | off", "admin resumen <responsable> diario|semanal [día] HH:MM [teams|slack] | desactivar",
            "set or stop a manager's digest", "programa o detiene el resumen de un responsable"),
        Line(language, "admin users [team]", "admin usuarios [equipo]",
            "the user directory, with buttons to add, edit and deactivate", "el directorio de usuarios, con botones para añadir, editar y dar de baja"),
        Line(language, "admin user add | <name or e-mail>", "admin usuario nuevo | <nombre o e-mail>",
            "the form to add a user, or one user's card with Edit and Deactivate",
            "el formulario para añadir un usuario, o la ficha de uno con Editar y Dar de baja"),
        Line(language, "admin pending", "admin pendientes",
            "admin and privacy officer roles waiting for a second admin, with Confirm and Reject",
            "roles de administrador y delegado de privacidad que esperan a un segundo administrador, con Confirmar y Rechazar"),
        Line(language, "admin slack install-link", "admin slack enlace",
            "a single-use link (one hour) to install ChatCrm into a Slack workspace",
            "un enlace de un solo uso (una hora) para instalar ChatCrm en un espacio de trabajo de Slack"),
        Line(language, "admin consent [country]", "admin consentimiento [país]",
            "a country's consent rules per purpose and channel; alone, the countries with special rules",
            "las reglas de consentimiento de un país por finalidad y canal; sin país, los países con reglas especiales"),
    ];

    public static Card Status(AdminStatus status, TimeZoneInfo zone, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(zone);
        var body = new List<CardBlock>
        {
            new CardSection(language.Pick("Database", "Base de datos")),
            new CardFacts(
            [
                new(language.Pick("Provider", "Proveedor"), status.Database.Provider),
                new(language.Pick("Last migration", "Última migración"), status.Database.LastMigration ?? language.Pick("none applied", "ninguna aplicada")),
                new(language.Pick("Pending migrations", "Migraciones pendientes"), status.Database.Pending.ToString(CultureInfo.InvariantCulture)),
            ]),
            new CardSection(language.Pick("Keys at rest", "Claves en reposo")),
            new CardFacts([new(language.Pick("Data Protection keys", "Claves de Data Protection"), status.KeyRing.Description)]),
        };
        if (!status.KeyRing.Encrypted)
            body.Add(new CardText(language.Pick(
                "Whoever reads a database backup can decrypt the Slack tokens and sign export links: set DataProtection:Certificate.",
                "Quien lea una copia de la base de datos puede descifrar los tokens de Slack y firmar enlaces de exportación: configura DataProtection:Certificate."),
                TextEmphasis.Warning));
        body.InsertRange(0, status.Channels.SelectMany(channel => new CardBlock[]
        {
            new CardSection(channel.Name),
            new CardFacts(channel.Facts.Select(fact => new CardFact(fact.Label.In(language), fact.Value.In(language))).ToList()),
        }));
        if (status.Database.Pending > 0)
            body.Add(new CardText(language.Pick("Run \"migrate\" (or restart with migration on start-up) before relying on new features.",
                "Ejecuta \"migrate\" (o reinicia con la migración al arrancar) antes de usar las novedades."), TextEmphasis.Warning));

        body.Add(new CardSection(language.Pick("Scheduler", "Planificador")));
        var scheduler = status.Scheduler;
        var facts = new List<CardFact>
        {
            new(language.Pick("State", "Estado"), !scheduler.Enabled
                ? language.Pick("off (Schedule:Enabled is false)", "desactivado (Schedule:Enabled es false)")
                : scheduler.Running ? language.Pick("running", "en marcha") : language.Pick("not running", "parado")),
            new(language.Pick("Job store", "Almacén de tareas"), scheduler.Clustered
                ? language.Pick("database, clustered", "base de datos, en clúster")
                : language.Pick("in memory (single instance)", "en memoria (una sola instancia)")),
        };
        facts.AddRange(scheduler.Jobs.Select(j => new CardFact(j.Name,
            j.NextFireTime is { } next ? language.Pick($"next {When(next, zone)}", $"próxima {When(next, zone)}") : language.Pick("not scheduled", "sin programar"))));
        body.Add(new CardFacts(facts));

        body.Add(new CardSection(language.Pick("Next digests", "Próximos resúmenes")));
        body.Add(status.Digests.Count == 0
            ? new CardText(language.Pick("No manager has a digest set.", "Ningún responsable tiene un resumen programado."), TextEmphasis.Subtle)
            : new CardFacts(status.Digests.Select(d => new CardFact(d.Manager,
                $"{Schedule(d.Subscription, d.ManagerZone, language)} · {language.Pick("next", "próximo")} {When(d.Next, zone)}")).ToList()));

        body.Add(new CardSection(language.Pick("Offer model", "Modelo de ofertas")));
        body.Add(status.OfferModel is { } model
            ? new CardFacts(
            [
                new(language.Pick("Trained", "Entrenado"), When(model.TrainedAt, zone)),
                new(language.Pick("Answered offers learnt from", "Respuestas a ofertas usadas"), model.TrainingRows.ToString("N0", CultureInfo.InvariantCulture)),
                new(language.Pick("Held-out AUC", "AUC en validación"), model.HeldOutAuc.ToString("0.00", CultureInfo.InvariantCulture)),
            ])
            : new CardText(language.Pick("No trained model yet: offers are ranked by the rules (fallback).",
                "Aún no hay modelo entrenado: las ofertas se ordenan por las reglas (alternativa)."), TextEmphasis.Subtle));

        return new Card(language.Pick("ChatCrm status", "Estado de ChatCrm"), body, [])
        {
            Subtitle = language.Pick($"Version {status.AppVersion}", $"Versión {status.AppVersion}"),
        };
    }

    /// <summary>Asks before moving an account that is linked to someone else; the button moves it.</summary>
    public static Card MoveLink(ChatHandle handle, User holder, User target, UserRole? role, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(target);
        var data = new List<(string, string)> { ("channel", handle.Channel.ToString()), ("key", handle.Key), ("shown", handle.Shown), ("user", target.Id.Value.ToString("D")) };
        if (role is { } given)
            data.Add(("role", given.ToString()));
        return new Card(language.Pick("Move this account?", "¿Mover esta cuenta?"),
        [
            new CardText(language.Pick(
                $"{handle.Shown} ({handle.Channel}) is linked to {holder.DisplayName}. Moving it to {target.DisplayName} means {holder.DisplayName} can no longer use ChatCrm from it. Press the button, or repeat the command with --force.",
                $"{handle.Shown} ({handle.Channel}) está vinculada a {holder.DisplayName}. Si la mueves a {target.DisplayName}, {holder.DisplayName} ya no podrá usar ChatCrm desde ella. Pulsa el botón o repite la orden con forzar.")),
        ],
        [CardButton.For(language.Pick($"Move it to {target.DisplayName}", $"Moverla a {target.DisplayName}"), AdminMapCommand.MoveVerb, [.. data])]);
    }

    public static string Mapped(ChatHandle handle, User target, User? takenFrom, UserRole roleBefore, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(target);
        var english = $"Done: {handle.Shown} ({handle.Channel}) is now linked to {target.DisplayName}.";
        var spanish = $"Hecho: {handle.Shown} ({handle.Channel}) queda vinculada a {target.DisplayName}.";
        if (takenFrom is not null)
        {
            english += $" It is no longer linked to {takenFrom.DisplayName}.";
            spanish += $" Ya no está vinculada a {takenFrom.DisplayName}.";
        }
        if (target.Role != roleBefore)
        {
            english += $" Role: {RoleChangeRule.Name(roleBefore).English} → {RoleChangeRule.Name(target.Role).English}.";
            spanish += $" Rol: {RoleChangeRule.Name(roleBefore).Spanish} → {RoleChangeRule.Name(target.Role).Spanish}.";
        }
        return language.Pick(english, spanish);
    }

    /// <summary>A manager's digest setting and its next time, as the admin reads it.</summary>
    public static string DigestSetting(User manager, DigestSubscription? subscription, DateTimeOffset now, TimeZoneInfo zone, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (subscription is null)
            return language.Pick($"{manager.DisplayName} gets no digest.", $"{manager.DisplayName} no recibe ningún resumen.");
        var next = When(subscription.ScheduleIn(manager.TimeZone).NextAfter(now).DueAt, zone);
        return language.Pick(
            $"{manager.DisplayName}'s digest: {Schedule(subscription, manager.TimeZone, language)}. Next one: {next}.",
            $"Resumen de {manager.DisplayName}: {Schedule(subscription, manager.TimeZone, language)}. El próximo: {next}.");
    }

    private static string Schedule(DigestSubscription subscription, string managerZone, LanguageCode language)
    {
        var time = subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var day = subscription.Day ?? DayOfWeek.Monday;
        var when = subscription.Frequency == DigestFrequency.Daily
            ? language.Pick($"every day at {time}", $"cada día a las {time}")
            : language.Pick($"every {day} at {time}", $"cada {CultureInfo.GetCultureInfo("es-ES").DateTimeFormat.GetDayName(day)} a las {time}");
        return language.Pick($"{when} ({managerZone}) in {subscription.Channel}", $"{when} ({managerZone}) en {subscription.Channel}");
    }

    private static string When(DateTimeOffset at, TimeZoneInfo zone) => Dates.Local(at, zone);

    private static CardFact Line(LanguageCode language, string englishCommand, string spanishCommand, string english, string spanish) =>
        new(language.Pick(englishCommand, spanishCommand), language.Pick(english, spanish));
}
