using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Admin;
using ChatCrm.Bot.Features.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Help;

/// <summary>What ChatCrm can do, as a welcome and as the answer to "help", in the reader's language.</summary>
public static class HelpCards
{
    /// <param name="intro">A sentence before the list, already in the reader's language.</param>
    /// <param name="role">The user's role: commands only some roles may use are listed for those roles only.</param>
    /// <param name="language">The reader's language; the command words are shown in it too (both work).</param>
    public static Card Help(string? intro = null, UserRole? role = null, LanguageCode language = default)
    {
        var body = new List<CardBlock>();
        if (intro is not null)
            body.Add(new CardText(intro));
        var commands = new List<CardFact>
        {
            Line(language, "find <customer>", "buscar <cliente>",
                "look a customer up by name, company, e-mail or phone", "busca un cliente por nombre, empresa, e-mail o teléfono"),
            Line(language, "log [customer]", "registrar [cliente]",
                "log a call, visit, meeting, e-mail or chat, step by step", "registra una llamada, visita, reunión, e-mail o chat, paso a paso"),
            Line(language, "log form [customer]", "registrar formulario [cliente]",
                "the same as one form with every field", "lo mismo, en un solo formulario con todos los campos"),
            Line(language, "amend | withdraw", "rectificar | anular",
                "correct or take back your last logged interaction (for 24 hours unless your company set otherwise); the original stays on record",
                "corrige o anula la última interacción que registraste (durante 24 horas salvo que tu empresa fije otro plazo); la original queda registrada"),
            Line(language, "last <customer>", "ultimo <cliente>",
                "where the last conversation ended, whatever the channel", "dónde acabó la última conversación, por el canal que fuera"),
            Line(language, "history <customer>", "historial <cliente>",
                "the latest interactions on every channel, newest first", "las últimas interacciones por cualquier canal, de la más reciente a la más antigua"),
            Line(language, "offers <customer>", "ofertas <cliente>",
                "offers that fit the customer and that they agreed to hear about", "ofertas que encajan con el cliente y que aceptó recibir"),
            Line(language, "suggestions", "sugerencias",
                "offers queued for your customers by a large order or deposit, a resolved case or a tier change",
                "ofertas pendientes para tus clientes por un pedido o depósito grande, un caso resuelto o un cambio de nivel"),
            Line(language, "privacy <customer>", "privacidad <cliente>",
                "the customer's privacy preferences: what they agreed to, per purpose and channel, and why",
                "las preferencias de privacidad del cliente: qué aceptó, por finalidad y canal, y por qué"),
            Line(language, "consent <customer> withdraw marketing email", "consentimiento <cliente> retirar comercial correo",
                "record what the customer said about consent (or \"Record a change\" on the privacy card)",
                "registra lo que dijo el cliente sobre su consentimiento (o «Registrar un cambio» en la tarjeta de privacidad)"),
            Line(language, "send privacy link <customer>", "enviar enlace de privacidad <cliente>",
                "e-mail the customer a one-time link to their privacy centre, where they see their data and manage their consent",
                "envía al cliente por correo un enlace de un solo uso a su centro de privacidad, donde ve sus datos y gestiona su consentimiento"),
            Line(language, "duplicates <customer>", "duplicados <cliente>",
                "other records that are probably the same customer, to merge into one",
                "otras fichas que probablemente son el mismo cliente, para fusionarlas"),
            Line(language, "settings [timezone <city> | language en|es]", "ajustes [zona horaria <ciudad> | idioma es|en]",
                "your time zone (dates, times, \"tomorrow\" and your digest follow it) and the language I answer in",
                "tu zona horaria (las fechas, las horas, «mañana» y tu resumen la siguen) y el idioma en que te respondo"),
            Line(language, "cancel", "cancelar", "stop what we are doing; nothing half-done is saved", "deja lo que estamos haciendo; no se guarda nada a medias"),
            Line(language, "help", "ayuda", "this list", "esta lista"),
        };
        if (role is null || role is UserRole.SalesRep or UserRole.SupportAgent or UserRole.Manager)
        {
            commands.Insert(commands.Count - 2, Line(language, "new customer", "nuevo cliente",
                "add a customer with a form; likely duplicates are offered first",
                "añade un cliente con un formulario; antes te ofrece los duplicados probables"));
            commands.Insert(commands.Count - 2, Line(language, "edit <customer>", "editar <cliente>",
                "correct name, company, country, language, and add or take off e-mails, phones, loyalty numbers and external ids",
                "corrige nombre, empresa, país e idioma, y añade o quita correos, teléfonos, números de fidelización e ids externos"));
        }
        if (role is null || NeedToKnowPolicy.MayWorkCases(role.Value))
        {
            commands.Insert(commands.Count - 2, Line(language, "cases", "casos",
                "your case queue (a manager's includes their team's), most urgent first, with each case's SLA",
                "tu cola de casos (la de un responsable incluye la de su equipo), lo más urgente primero, con el SLA de cada caso"));
            commands.Insert(commands.Count - 2, Line(language, "case new <customer> | <title>", "caso nuevo <cliente> | <título>",
                "open a support case, assigned to you; \"urgent\" or \"high priority\" in the title sets its priority",
                "abre un caso de soporte asignado a ti; \"urgente\" o \"prioridad alta\" en el título fija su prioridad"));
            commands.Insert(commands.Count - 2, Line(language, "case <number>", "caso <número>",
                "one case with its history; its buttons start, wait on the customer, resolve (with a note), close, reopen, take it or edit it",
                "un caso con su historial; sus botones lo inician, lo dejan esperando al cliente, lo resuelven (con una nota), lo cierran, lo reabren, te lo asignan o lo editan"));
        }
        if (role is null or UserRole.Manager)
        {
            commands.Insert(commands.Count - 2, new CardFact("digest [daily 08:00 | weekly monday 09:00] [teams | slack] | off", "your team's digest, sent at your local time; \"digest\" alone shows the setting"));
            commands.Insert(commands.Count - 2, Line(language, "kpis [week | month]", "indicadores [semana | mes]",
                "your team's KPIs for the last 7 or 30 days, each line with a button to act on it",
                "los indicadores de tu equipo de los últimos 7 o 30 días, cada línea con un botón para actuar"));
        }
        if (role is null or UserRole.Manager or UserRole.Admin)
            commands.Insert(commands.Count - 2, Line(language, "reassign <customer> to <person> | all from <person> to <person>",
                "reasignar <cliente> a <persona> | todos de <persona> a <persona>",
                "hand customers to a colleague after a confirmation that shows how many",
                "traspasa clientes a otra persona tras una confirmación que dice cuántos"));
        if (role == UserRole.Admin)
            commands.InsertRange(commands.Count - 2, AdminCards.Lines(language));
        if (role == UserRole.PrivacyOfficer)
        {
            commands.Add(Line(language, "export <customer>", "exportar <cliente>",
                "a download of everything held about the customer (their right of access)",
                "una descarga de todo lo que guardamos del cliente (su derecho de acceso)"));
            commands.Add(Line(language, "erase <customer>", "borrar <cliente>",
                "anonymise the customer's personal data (their right to erasure), after a confirmation",
                "anonimiza los datos personales del cliente (su derecho de supresión), tras una confirmación"));
            commands.Add(Line(language, "erasures", "supresiones",
                "erasure requests customers made in their privacy centre, most urgent first, each with a button to erase",
                "las peticiones de supresión que los clientes hicieron en su centro de privacidad, las más urgentes primero, cada una con un botón para borrar"));
        }
        body.Add(new CardFacts(commands));
        body.Add(new CardText(language.Pick(
            "Accents and case don't matter: \"nunez\" finds \"Núñez\". Commands work in English and Spanish.",
            "Las tildes y las mayúsculas dan igual: \"nunez\" encuentra \"Núñez\". Las órdenes funcionan en español y en inglés."), TextEmphasis.Subtle));
        return new Card("ChatCrm", body, [CardButton.For(language.Pick("Log an interaction", "Registrar una interacción"), CustomerVerbs.Log)]);
    }

    public static Card Welcome(LanguageCode language = default) => Help(language.Pick(
        "Hi! I'm ChatCrm. I keep your customer conversations in one place, whatever the channel.",
        "¡Hola! Soy ChatCrm. Guardo tus conversaciones con clientes en un solo sitio, sea cual sea el canal."), language: language);

    public static Card NotUnderstood(string text, UserRole? role = null, LanguageCode language = default) =>
        Help(language.Pick(
            $"I didn't understand \"{CustomerCards.Shorten(text, 60)}\". Here is what I can do:",
            $"No he entendido \"{CustomerCards.Shorten(text, 60)}\". Esto es lo que sé hacer:"), role, language);

    public static Card OnlyText(UserRole? role = null, LanguageCode language = default) =>
        Help(language.Pick("I can only read text messages. Here is what I can do:", "Solo sé leer mensajes de texto. Esto es lo que sé hacer:"), role, language);

    private static CardFact Line(LanguageCode language, string englishCommand, string spanishCommand, string english, string spanish) =>
        new(language.Pick(englishCommand, spanishCommand), language.Pick(english, spanish));
}
