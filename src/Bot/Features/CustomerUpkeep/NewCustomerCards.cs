using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>What a "new customer" form holds, as typed; field names are <see cref="NewCustomerCards"/>'s (the intake's own).</summary>
public sealed record NewCustomerValues(string? Name, string? Company, string? Email, string? Phone, string? Country, string? Language, string? Owner)
{
    public static NewCustomerValues Of(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new(Value(NewCustomerCards.Name), Value(NewCustomerCards.Company), Value(NewCustomerCards.Email), Value(NewCustomerCards.Phone),
            Value(NewCustomerCards.Country), Value(NewCustomerCards.Language), Value(NewCustomerCards.Owner));
    }

    /// <summary>The values as a button's data (the "create anyway" press carries them back).</summary>
    public Dictionary<string, string> ToData()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (value is not null)
                data[key] = value;
        }
        Put(NewCustomerCards.Name, Name);
        Put(NewCustomerCards.Company, Company);
        Put(NewCustomerCards.Email, Email);
        Put(NewCustomerCards.Phone, Phone);
        Put(NewCustomerCards.Country, Country);
        Put(NewCustomerCards.Language, Language);
        Put(NewCustomerCards.Owner, Owner);
        return data;
    }
}

/// <summary>
/// The "new customer" form, defined once (Teams shows it as an Adaptive Card, Slack as a modal): name, company, e-mail,
/// phone, country, language and (for those who choose it) the owner. A form shown again after a refusal keeps what was
/// typed, with ⚠ and the reason under each wrong field. Then the likely duplicates ("use that one?") and the answer.
/// </summary>
public static class NewCustomerCards
{
    public const string Name = "name";
    public const string Company = "company";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Country = "country";
    public const string Language = "language";
    public const string Owner = "owner";

    /// <summary>Set on the "create anyway" press: the person saw the likely duplicates and still wants a new record.</summary>
    public const string ConfirmedKey = "confirmed";

    public static IReadOnlyCollection<string> Fields { get; } = [Name, Company, Email, Phone, Country, Language, Owner];

    public static Card Form(NewCustomerValues? values, bool choosesOwner, LanguageCode language, IReadOnlyDictionary<string, string>? errors = null)
    {
        var body = new FormBody(language, errors);

        body.Add(new CardTextInput(Name, language.Pick("Name", "Nombre"), Customer.MaxNameLength)
        {
            Placeholder = "María Núñez", Value = values?.Name,
            ErrorMessage = language.Pick("The name is required.", "El nombre es obligatorio."),
        }, Name);
        body.Add(new CardTextInput(Company, language.Pick("Company", "Empresa"), Customer.MaxCompanyLength, IsRequired: false)
        {
            Placeholder = language.Pick("Blank for a private customer", "En blanco si es un particular"), Value = values?.Company,
        }, Company);
        body.Add(new CardTextInput(Email, language.Pick("E-mail", "Correo"), 200, IsRequired: false) { Placeholder = "maria@acme.es", Value = values?.Email }, Email);
        body.Add(new CardTextInput(Phone, language.Pick("Phone (with its country code)", "Teléfono (con su prefijo)"), 40, IsRequired: false)
        {
            Placeholder = "+34 600 123 456", Value = values?.Phone,
        }, Phone);
        body.Add(new CardTextInput(Country, language.Pick("Country (ISO code)", "País (código ISO)"), 60)
        {
            Placeholder = "ES, MX, US…", Value = values?.Country,
            ErrorMessage = language.Pick("The country is required.", "El país es obligatorio."),
        }, Country);
        body.Add(new CardChoiceInput(Language, language.Pick("Language (blank: the country's)", "Idioma (en blanco: el del país)"), Languages(values?.Language))
        {
            Value = values?.Language, IsRequired = false,
        }, Language);
        if (choosesOwner)
        {
            body.Add(new CardTextInput(Owner, language.Pick("Owner's work e-mail (blank: you)", "Correo del propietario (en blanco: tú)"), 254, IsRequired: false)
            {
                Placeholder = language.Pick("You, or a rep of your team", "Tú, o un comercial de tu equipo"), Value = values?.Owner,
            }, Owner);
        }
        var save = new CardButton(language.Pick("Create", "Crear"), NewCustomerActions.SaveVerb, new Dictionary<string, string>()) { SubmitsInputs = true };
        return new Card(language.Pick("New customer", "Nuevo cliente"), body.Blocks, [save]);
    }

    /// <summary>
    /// Likely duplicates of the customer about to be created, each with why and a button to use that one instead;
    /// creating anyway takes its own press, which carries the values back.
    /// </summary>
    public static Card Lookalikes(NewCustomerValues values, IReadOnlyList<DuplicateSuspicion> suspicions, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(suspicions);
        var first = suspicions[0].Candidate;
        var body = new List<CardBlock>
        {
            new CardText(language.Pick($"This looks like {Describe(first)} — use that one?", $"Parece {Describe(first)}: ¿usas esa ficha?")),
            new CardFacts(suspicions.Select((s, i) => new CardFact($"{i + 1}",
                $"{CustomerCards.Describe(s.Candidate)} — {string.Join(", ", s.Reasons.Select(r => r.In(language)))}")).ToList()),
            new CardText(language.Pick("Nothing was created yet.", "Aún no se ha creado nada."), TextEmphasis.Subtle),
        };
        var buttons = suspicions
            .Select((s, i) => CardButton.For(language.Pick($"Use {i + 1}. {Shorten(s.Candidate.DisplayName)}", $"Usar {i + 1}. {Shorten(s.Candidate.DisplayName)}"),
                CustomerVerbs.Find, ("customerId", s.Candidate.Id.Value.ToString())))
            .ToList();
        var anyway = values.ToData();
        anyway[ConfirmedKey] = "yes";
        buttons.Add(new CardButton(language.Pick("Create a new customer anyway", "Crear un cliente nuevo de todos modos"), NewCustomerActions.SaveVerb, anyway));
        return new Card(language.Pick($"Is {Shorten(values.Name ?? string.Empty)} already a customer?", $"¿{Shorten(values.Name ?? string.Empty)} ya es cliente?"),
            body, buttons);
    }

    /// <summary>The new customer, with what to do next.</summary>
    public static Card Created(Customer customer, string? ownerName, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var facts = new List<CardFact>
        {
            new(language.Pick("Country", "País"), customer.Country.Value),
            new(language.Pick("Language", "Idioma"), customer.PreferredLanguage.Value),
            new(language.Pick("Owner", "Propietario"), ownerName ?? language.Pick("nobody yet", "nadie aún")),
        };
        facts.AddRange(customer.Identities.Select(i => new CardFact(CustomerFieldWording.Kind(i.Kind, language), i.Value)));
        var id = customer.Id.Value.ToString();
        return new Card(language.Pick($"Created {customer.DisplayName}", $"{customer.DisplayName} creado"),
            [new CardFacts(facts)],
            [
                CardButton.For(language.Pick("Open the card", "Abrir la ficha"), CustomerVerbs.Find, ("customerId", id)),
                CardButton.For(language.Pick("Log interaction", "Registrar interacción"), CustomerVerbs.LogForm, ("customerId", id)),
                CardButton.For(language.Pick("Correct", "Corregir"), CustomerVerbs.EditCustomer, ("customerId", id)),
            ])
        { Subtitle = customer.Company };
    }

    private static string Describe(Customer customer) => customer.Company is { } company ? $"{customer.DisplayName} · {company}" : customer.DisplayName;

    private static List<CardChoice> Languages(string? current)
    {
        var choices = new List<CardChoice> { new("es", "Español"), new("en", "English") };
        if (!string.IsNullOrWhiteSpace(current) && choices.All(c => c.Value != current))
            choices.Add(new CardChoice(current, current));
        return choices;
    }

    private static string Shorten(string text) => text.Length <= 50 ? text : text[..49] + "…";
}
