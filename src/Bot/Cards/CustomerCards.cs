using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Features.Cases;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>The latest interaction with a customer, with the name of who logged it (null when that user is gone).</summary>
public sealed record LastContact(Interaction Interaction, string? LoggedByName);

/// <summary>
/// What the profile card shows beside the record itself, read for one reader: counts and the last contact, the open
/// follow-up on the reader's <see cref="Today"/>, consents, value figures and open cases (each null or empty when
/// need-to-know holds it back or there is none), with times in the reader's <see cref="Zone"/>.
/// </summary>
public sealed record CustomerSnapshot(int InteractionCount, LastContact? Last, FollowUp? OpenFollowUp, DateOnly Today, TimeZoneInfo Zone)
{
    public ConsentSummary? Consents { get; init; }

    public TierFigures? Tier { get; init; }

    public IReadOnlyList<CaseLine> OpenCases { get; init; } = [];
}

/// <summary>Cards about customers: choosing one among several, a customer's profile, and "not found".</summary>
public static class CustomerCards
{
    /// <summary>The verb a shared profile card's <see cref="Card.Refresh"/> sends to get each reader's own view.</summary>
    public const string RefreshVerb = CustomerVerbs.Refresh;

    /// <summary>The longest part of a summary a profile card shows (the history shows more).</summary>
    public const int SummaryPreviewLength = 140;

    /// <summary>
    /// Candidates best first, each with how sure the match is and why ("92% — name ≈ nunes (1 typo), company
    /// matches"), so the person sees what the search saw; each button sends <paramref name="verb"/> with the
    /// chosen customer's id. A single candidate is one too doubtful to take without asking.
    /// </summary>
    public static Card Choose(string query, IReadOnlyList<ScoredCustomer> candidates, bool moreExist, string verb, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var body = new List<CardBlock>
        {
            new CardText(candidates.Count == 1
                ? language.Pick("Is this the customer you mean? (Press the button or type 1.)", "¿Es este el cliente que buscas? (Pulsa el botón o escribe 1.)")
                : language.Pick("Several customers match. Which one do you mean? (Press a button or type its number.)",
                    "Coinciden varios clientes. ¿Cuál buscas? (Pulsa un botón o escribe su número.)")),
            new CardFacts(candidates.Select((c, i) => new CardFact($"{i + 1}", $"{Describe(c.Customer)} · {c.Explain()}")).ToList()),
        };
        if (moreExist)
            body.Add(new CardText(language.Pick("More customers match than are shown: add the company, an e-mail or a phone number to narrow it down.",
                "Coinciden más clientes de los que se muestran: añade la empresa, un correo o un teléfono para acotar."), TextEmphasis.Subtle));
        var buttons = candidates
            .Select((c, i) => CardButton.For($"{i + 1}. {Shorten(c.Customer.DisplayName, 60)}", verb, ("customerId", c.Customer.Id.Value.ToString())))
            .ToList();
        return new Card(language.Pick($"Customers matching \"{Shorten(query, 80)}\"", $"Clientes que coinciden con «{Shorten(query, 80)}»"), body, buttons);
    }

    /// <param name="offerNew">Whether the reader may add customers: the card then has a "New customer" button, the form filled in with the query.</param>
    public static Card NotFound(string query, LanguageCode language, bool offerNew = false) => new(
        language.Pick("No customer found", "No se ha encontrado ningún cliente"),
        [
            new CardText(language.Pick($"I couldn't find a customer matching \"{Shorten(query, 80)}\".", $"No encuentro ningún cliente que coincida con «{Shorten(query, 80)}».")),
            new CardText(language.Pick(
                "Try part of the name or the company (accents and a typo or two don't matter; \"name, company\" narrows it down), an e-mail address, a loyalty number, or a phone number with its country code, e.g. +34 600 123 456.",
                "Prueba con parte del nombre o de la empresa (los acentos y alguna errata dan igual; «nombre, empresa» acota), un correo, un número de fidelización o un teléfono con su prefijo, p. ej. +34 600 123 456."), TextEmphasis.Subtle),
        ],
        offerNew ? [CardButton.For(language.Pick("New customer", "Nuevo cliente"), CustomerVerbs.NewCustomer, NewCustomerField(query))] : []);

    /// <summary>The "new customer" form's field (by its name there) that a search text fills in: e-mail, phone or name.</summary>
    public static (string Key, string Value) NewCustomerField(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = Shorten(query.Trim(), Customer.MaxNameLength);
        if (text.Contains('@', StringComparison.Ordinal))
            return ("email", text);
        return text.Count(char.IsDigit) >= 6 && !text.Any(char.IsLetter) ? ("phone", text) : ("name", text);
    }

    /// <summary>What a reader without access to ChatCrm sees when a shared customer card is refreshed for them.</summary>
    public static Card NoAccess(string reason, LanguageCode language) => new(
        language.Pick("Customer card", "Ficha de cliente"),
        [new CardText(reason)],
        []);

    /// <summary>The parts of a record the profile card can show; an audit entry names those actually shown.</summary>
    public const CustomerField ProfileFields = CustomerField.BasicContact | CustomerField.Interactions | CustomerField.Consents | ValueFields;

    /// <summary>The parts the value section (tier, figures, needs) reveals: shown only to those allowed all of them.</summary>
    public const CustomerField ValueFields = CustomerField.Tier | CustomerField.Revenue | CustomerField.Products;

    /// <summary>
    /// The customer's profile in the reader's language, showing only the parts <paramref name="grant"/> allows, and
    /// saying so when parts are held back: identity, consents at a glance (one line per purpose), the last conversation,
    /// the open follow-up, the value section and open cases. It carries a <see cref="Card.Refresh"/> and, for a shared
    /// conversation, a <see cref="Card.GroupView"/> with the customer's identity only, which each reader's client refreshes
    /// into the view their own access allows.
    /// </summary>
    public static Card Profile(Customer customer, AccessGrant grant, CustomerSnapshot snapshot, bool mayLog, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(snapshot);
        var facts = new List<CardFact>();
        if (customer.Company is { } company)
            facts.Add(new CardFact(language.Pick("Company", "Empresa"), company));
        if (grant.Allows(CustomerField.Profile))
        {
            facts.Add(new CardFact(language.Pick("Country", "País"), customer.Country.Value));
            facts.Add(new CardFact(language.Pick("Language", "Idioma"), customer.PreferredLanguage.Value));
        }
        if (grant.Allows(CustomerField.ContactDetails))
        {
            if (customer.FirstIdentity(IdentityKind.Email) is { } email)
                facts.Add(new CardFact(language.Pick("E-mail", "Correo"), email));
            if (customer.FirstIdentity(IdentityKind.Phone) is { } phone)
                facts.Add(new CardFact(language.Pick("Phone", "Teléfono"), phone));
        }
        var body = new List<CardBlock> { new CardFacts(facts) };
        if (snapshot.Consents is { } consents && grant.Allows(CustomerField.Consents))
            body.AddRange(ConsentsAtAGlance(consents, language));
        if (grant.Allows(CustomerField.Interactions))
            body.AddRange(Contact(snapshot, language));
        if (snapshot.Tier is { } tier && grant.Allows(ValueFields))
            body.AddRange(TierFiguresSection.Blocks(tier, language, snapshot.Zone));
        if (snapshot.OpenCases.Count > 0 && grant.Allows(CustomerField.Cases))
            body.AddRange(CaseCards.ProfileSection(snapshot.OpenCases, snapshot.Zone, language));
        if (!grant.Allows(CustomerField.All))
            body.Add(new CardText(language.Pick($"Some of this record is not shown to you: {grant.Reason.English}.", $"Parte de esta ficha no se te muestra: {grant.Reason.Spanish}."), TextEmphasis.Subtle));

        var id = customer.Id.Value.ToString();
        var buttons = new List<CardButton>();
        if (mayLog)
            buttons.Add(CardButton.For(language.Pick("Log interaction", "Registrar interacción"), LogForm.OpenVerb, ("customerId", id)));
        if (grant.Allows(CustomerField.Offers))
            buttons.Add(CardButton.For(language.Pick("Offers", "Ofertas"), CustomerVerbs.Offers, ("customerId", id)));
        if (grant.Allows(CustomerField.Interactions))
            buttons.Add(CardButton.For(language.Pick("History", "Historial"), InteractionCards.HistoryVerb, ("customerId", id)));
        if (grant.Allows(CustomerField.Consents))
            buttons.Add(CardButton.For(language.Pick("Privacy preferences", "Privacidad"), CustomerVerbs.Privacy, ("customerId", id)));
        return new Card(customer.DisplayName, body, buttons)
        {
            Refresh = SharedCustomerCard.RefreshFor(customer.Id),
            GroupView = SharedCustomerCard.For(customer, language),
        };
    }

    /// <summary>One line per purpose: the channels it may use and those it may not.</summary>
    private static IEnumerable<CardBlock> ConsentsAtAGlance(ConsentSummary consents, LanguageCode language)
    {
        yield return new CardSection(language.Pick("Consents", "Consentimientos"));
        yield return new CardFacts(Enum.GetValues<ConsentPurpose>().Select(purpose =>
        {
            var standings = consents.For(purpose).ToList();
            var yes = standings.Where(s => s.Decision.Allowed).Select(s => ConsentWording.Name(s.Channel).In(language)).ToList();
            var no = standings.Where(s => !s.Decision.Allowed).Select(s => ConsentWording.Name(s.Channel).In(language)).ToList();
            var line = string.Join(" · ", new[]
            {
                yes.Count > 0 ? "✅ " + string.Join(", ", yes) : null,
                no.Count > 0 ? "⛔ " + string.Join(", ", no) : null,
            }.OfType<string>());
            var label = ConsentWording.Purpose(purpose).In(language);
            return new CardFact(char.ToUpperInvariant(label[0]) + label[1..], line);
        }).ToList());
    }

    private static IEnumerable<CardBlock> Contact(CustomerSnapshot snapshot, LanguageCode language)
    {
        yield return new CardSection(language.Pick("Last conversation", "Última conversación"));
        if (snapshot.Last is not { } last)
        {
            yield return new CardText(language.Pick("No interaction has been logged yet.", "Aún no se ha registrado ninguna interacción."), TextEmphasis.Subtle);
            yield break;
        }
        var interaction = last.Interaction;
        yield return new CardFacts(
        [
            new CardFact(language.Pick("When", "Cuándo"), Dates.Local(interaction.OccurredAt, snapshot.Zone)),
            new CardFact(language.Pick("How", "Cómo"), $"{InteractionWording.Kind(interaction.Kind, language)} · {InteractionWording.Channel(interaction.Channel, language)}"),
            new CardFact(language.Pick("Who", "Quién"), last.LoggedByName ?? language.Pick("unknown", "desconocido")),
            new CardFact(language.Pick("Summary", "Resumen"), Shorten(interaction.Summary, SummaryPreviewLength)),
            new CardFact(language.Pick("Follow-up", "Seguimiento"), snapshot.OpenFollowUp is { } followUp
                ? InteractionWording.FollowUp(followUp, snapshot.Today, language)
                : language.Pick("none open", "ninguno pendiente")),
            new CardFact(language.Pick("Interactions", "Interacciones"), snapshot.InteractionCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
    }

    public static string Describe(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var parts = new List<string> { customer.DisplayName };
        if (customer.Company is { } company)
            parts.Add(company);
        if (customer.FirstIdentity(IdentityKind.Email) is { } email)
            parts.Add(email);
        parts.Add(customer.Country.Value);
        return string.Join(" · ", parts);
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
