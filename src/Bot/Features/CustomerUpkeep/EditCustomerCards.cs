using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>What the correction form holds, as typed (or as stored, when it opens); field names are <see cref="EditCustomerCards"/>'s.</summary>
public sealed record EditCustomerValues(string? Name, string? Company, string? Country, string? Language, string? NewEmail, string? NewPhone,
    string? NewLoyaltyNumber, string? NewExternalId, string? Remove)
{
    public static EditCustomerValues Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.DisplayName, customer.Company, customer.Country.Value, customer.PreferredLanguage.Value, null, null, null, null, null);
    }

    public static EditCustomerValues Of(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new(Value(EditCustomerCards.Name), Value(EditCustomerCards.Company), Value(EditCustomerCards.Country), Value(EditCustomerCards.Language),
            Value(EditCustomerCards.NewEmail), Value(EditCustomerCards.NewPhone), Value(EditCustomerCards.NewLoyaltyNumber), Value(EditCustomerCards.NewExternalId),
            Value(EditCustomerCards.Remove) is { } remove && remove != EditCustomerCards.RemoveNone ? remove : null);
    }

    /// <summary>The values as the intake's correction (the remove field names a handle by its id).</summary>
    public CustomerCorrection ToCorrection() => new(Name, Company, Country, Language,
        [(IdentityKind.Email, NewEmail, EditCustomerCards.NewEmail), (IdentityKind.Phone, NewPhone, EditCustomerCards.NewPhone),
         (IdentityKind.LoyaltyNumber, NewLoyaltyNumber, EditCustomerCards.NewLoyaltyNumber), (IdentityKind.ExternalId, NewExternalId, EditCustomerCards.NewExternalId)],
        Guid.TryParse(Remove, out var id) ? id : Remove is null ? null : Guid.Empty, EditCustomerCards.Remove);

    /// <summary>What a field held as typed, for an error that quotes it.</summary>
    public string? Typed(string field) => field switch
    {
        EditCustomerCards.Name => Name,
        EditCustomerCards.Company => Company,
        EditCustomerCards.Country => Country,
        EditCustomerCards.Language => Language,
        EditCustomerCards.NewEmail => NewEmail,
        EditCustomerCards.NewPhone => NewPhone,
        EditCustomerCards.NewLoyaltyNumber => NewLoyaltyNumber,
        EditCustomerCards.NewExternalId => NewExternalId,
        _ => Remove,
    };
}

/// <summary>
/// The correction form of one customer, defined once (Teams: an Adaptive Card, Slack: a modal): name, company, country,
/// language, a handle of each kind to add and one to take off. It carries the customer and the version it was built
/// from; a form shown again keeps what was typed, with ⚠ and the reason under each wrong field.
/// </summary>
public static class EditCustomerCards
{
    public const string Name = "name";
    public const string Company = "company";
    public const string Country = "country";
    public const string Language = "language";
    public const string NewEmail = "newEmail";
    public const string NewPhone = "newPhone";
    public const string NewLoyaltyNumber = "newLoyaltyNumber";
    public const string NewExternalId = "newExternalId";
    public const string Remove = "remove";
    public const string RemoveNone = "none";
    public const string VersionKey = "version";

    public static IReadOnlyCollection<string> Fields { get; } = [Name, Company, Country, Language, NewEmail, NewPhone, NewLoyaltyNumber, NewExternalId, Remove];

    public static Card Form(Customer customer, long version, EditCustomerValues values, LanguageCode language,
        IReadOnlyDictionary<string, string>? errors = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(values);
        var body = new FormBody(language, errors, notice);
        body.Add(new CardTextInput(Name, language.Pick("Name", "Nombre"), Customer.MaxNameLength) { Value = values.Name }, Name);
        body.Add(new CardTextInput(Company, language.Pick("Company (blank: none)", "Empresa (en blanco: ninguna)"), Customer.MaxCompanyLength, IsRequired: false)
        {
            Value = values.Company,
        }, Company);
        body.Add(new CardTextInput(Country, language.Pick("Country (ISO code)", "País (código ISO)"), 60) { Placeholder = "ES, MX, US…", Value = values.Country }, Country);
        var languages = new List<CardChoice> { new("es", "Español"), new("en", "English") };
        if (values.Language is { } current && languages.All(l => l.Value != current))
            languages.Add(new CardChoice(current, current));
        body.Add(new CardChoiceInput(Language, language.Pick("Language", "Idioma"), languages) { Value = values.Language }, Language);
        body.Add(new CardTextInput(NewEmail, language.Pick("Add an e-mail", "Añadir un correo"), 200, IsRequired: false) { Value = values.NewEmail }, NewEmail);
        body.Add(new CardTextInput(NewPhone, language.Pick("Add a phone (with its country code)", "Añadir un teléfono (con su prefijo)"), 40, IsRequired: false)
        {
            Placeholder = "+34 600 123 456", Value = values.NewPhone,
        }, NewPhone);
        body.Add(new CardTextInput(NewLoyaltyNumber, language.Pick("Add a loyalty number", "Añadir un número de fidelización"), 200, IsRequired: false)
        {
            Value = values.NewLoyaltyNumber,
        }, NewLoyaltyNumber);
        body.Add(new CardTextInput(NewExternalId, language.Pick("Add an external id", "Añadir un id externo"), 200, IsRequired: false) { Value = values.NewExternalId }, NewExternalId);
        var handles = customer.Identities.Where(i => CustomerCorrections.Managed.Contains(i.Kind))
            .Select(i => new CardChoice(i.Id.ToString(), $"{CustomerFieldWording.Kind(i.Kind, language)}: {Shorten(i.Value)}")).ToList();
        if (handles.Count > 0)
        {
            handles.Insert(0, new CardChoice(RemoveNone, language.Pick("Nothing", "Nada")));
            body.Add(new CardChoiceInput(Remove, language.Pick("Take a handle off", "Quitar un identificador"), handles)
            {
                Value = values.Remove ?? RemoveNone, IsRequired = false,
            }, Remove);
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customerId"] = customer.Id.Value.ToString(), [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
        };
        var save = new CardButton(language.Pick("Save", "Guardar"), EditCustomerActions.SaveVerb, data) { SubmitsInputs = true };
        return new Card(language.Pick($"Correct {Shorten(customer.DisplayName)}", $"Corregir a {Shorten(customer.DisplayName)}"), body.Blocks, [save]);
    }

    /// <summary>The customer after a correction (or as it is, when nothing changed).</summary>
    public static Card Saved(Customer customer, bool changed, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var facts = new List<CardFact>
        {
            new(language.Pick("Country", "País"), customer.Country.Value),
            new(language.Pick("Language", "Idioma"), customer.PreferredLanguage.Value),
        };
        facts.AddRange(customer.Identities.Where(i => CustomerCorrections.Managed.Contains(i.Kind))
            .Select(i => new CardFact(CustomerFieldWording.Kind(i.Kind, language), i.Value)));
        var title = changed
            ? language.Pick($"Saved {customer.DisplayName}", $"{customer.DisplayName} guardado")
            : language.Pick($"Nothing to change in {customer.DisplayName}", $"Nada que cambiar en {customer.DisplayName}");
        var id = customer.Id.Value.ToString();
        return new Card(title, [new CardFacts(facts)],
            [
                CardButton.For(language.Pick("Open the card", "Abrir la ficha"), CustomerVerbs.Find, ("customerId", id)),
                CardButton.For(language.Pick("Correct again", "Corregir de nuevo"), CustomerVerbs.EditCustomer, ("customerId", id)),
            ])
        { Subtitle = customer.Company };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
