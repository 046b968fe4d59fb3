using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// The consent change form (one card: Teams shows it in the chat, Slack as a modal) and the answer once a change is
/// recorded: the decision the consent rule now gives for that purpose and channel, with the country's rule.
/// </summary>
public static class ConsentChangeCards
{
    /// <summary>"Record a change" on the privacy card: opens the form for the customer.</summary>
    public const string OpenVerb = "consentchange";

    /// <summary>The form's "Record" press (and what a valid Slack submission becomes).</summary>
    public const string RecordVerb = "consentrecord";

    public static string ShortTitle(LanguageCode language) => language.Pick("Record consent", "Registrar consentimiento");

    public static CardButton OpenButton(Customer customer, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return CardButton.For(language.Pick("Record a change", "Registrar un cambio"), OpenVerb, (CustomerResolver.CustomerIdKey, customer.Id.Value.ToString()));
    }

    /// <param name="today">The reader's day, the date's default.</param>
    /// <param name="values">What was chosen, kept when the form is shown again after an error.</param>
    public static Card Form(Customer customer, DateOnly today, LanguageCode language,
        IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var body = new List<CardBlock>();
        void ErrorFor(string field)
        {
            if (errors is not null && errors.TryGetValue(field, out var message))
                body.Add(new CardText("⚠ " + message, TextEmphasis.Warning));
        }
        string? Value(string field) => values is not null && values.TryGetValue(field, out var value) ? value : null;

        if (errors is { Count: > 0 })
            body.Add(new CardText(language.Pick("Nothing was recorded yet: please check the fields marked ⚠.", "Aún no se ha registrado nada: revisa los campos marcados con ⚠."), TextEmphasis.Warning));
        body.Add(new CardFacts([new CardFact(language.Pick("Customer", "Cliente"), customer.Company is { } company ? $"{customer.DisplayName} · {company}" : customer.DisplayName)]));
        Choice(body, ConsentChangeReader.ActionField, language.Pick("The customer", "El cliente"),
            [new("grant", language.Pick("Granted consent", "Dio su consentimiento")), new("withdraw", language.Pick("Withdrew consent", "Retiró su consentimiento"))],
            Value(ConsentChangeReader.ActionField), language.Pick("Say whether they granted or withdrew it.", "Indica si lo dio o lo retiró."));
        ErrorFor(ConsentChangeReader.ActionField);
        Choice(body, ConsentChangeReader.PurposeField, language.Pick("For", "Para"),
            [.. Enum.GetValues<ConsentPurpose>().Select(p => new CardChoice(p.ToString(), Capitalized(ConsentWording.Purpose(p).In(language))))],
            Value(ConsentChangeReader.PurposeField), language.Pick("Choose what it is for.", "Elige para qué es."));
        ErrorFor(ConsentChangeReader.PurposeField);
        Choice(body, ConsentChangeReader.ChannelField, language.Pick("Channel", "Canal"),
            [.. Enum.GetValues<ContactChannel>().Select(c => new CardChoice(c.ToString(), ConsentWording.Name(c).In(language)))],
            Value(ConsentChangeReader.ChannelField), language.Pick("Choose the channel.", "Elige el canal."));
        ErrorFor(ConsentChangeReader.ChannelField);
        Choice(body, ConsentChangeReader.HowField, language.Pick("How they said it", "Cómo lo dijo"),
            [.. Enum.GetValues<ConsentExpression>().Select(h => new CardChoice(h.ToString(), Capitalized(ConsentChangeWords.Name(h).In(language))))],
            Value(ConsentChangeReader.HowField), language.Pick("Choose how the customer said it.", "Elige cómo lo dijo el cliente."));
        ErrorFor(ConsentChangeReader.HowField);
        body.Add(new CardDateInput(ConsentChangeReader.DateField, language.Pick("Date", "Fecha"))
        {
            Value = DateOnly.TryParse(Value(ConsentChangeReader.DateField), System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : today,
            IsRequired = true,
            ErrorMessage = language.Pick("Give the day the customer said it.", "Indica el día en que lo dijo el cliente."),
        });
        ErrorFor(ConsentChangeReader.DateField);
        body.Add(new CardText(language.Pick("A withdrawal applies at once to offers and outreach.", "Una retirada se aplica al momento a las ofertas y los contactos."), TextEmphasis.Subtle));
        var record = CardButton.For(language.Pick("Record", "Registrar"), RecordVerb, (CustomerResolver.CustomerIdKey, customer.Id.Value.ToString())) with { SubmitsInputs = true };
        return new Card(language.Pick($"Record a consent change for {customer.DisplayName}", $"Registrar un cambio de consentimiento de {customer.DisplayName}"), body, [record])
        { ShortTitle = ShortTitle(language) };
    }

    /// <summary>What the consent rule says now for the purpose and channel just recorded, and the country's rule behind it.</summary>
    public static Card Recorded(Customer customer, ConsentChange change, ConsentDecision decision, CountryConsentPolicy policy, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        var what = $"{ConsentWording.Purpose(change.Purpose).In(language)} {ConsentWording.By(change.Channel).In(language)}";
        var verdict = decision.Allowed ? language.Pick("✅ allowed", "✅ permitido") : language.Pick("⛔ not allowed", "⛔ no permitido");
        var body = new List<CardBlock>
        {
            new CardFacts(
            [
                new CardFact(language.Pick("Recorded", "Registrado"),
                    $"{ConsentChangeWords.Action(change.Granted).In(language)} · {Dates.Day(change.On)}" + (change.How is { } how ? $" · {ConsentChangeWords.Name(how).In(language)}" : string.Empty)),
                new CardFact(language.Pick("Now", "Ahora"), $"{Capitalized(what)}: {verdict} — {decision.Reason.In(language)}"),
                new CardFact(language.Pick($"Rule in {policy.Country}", $"Regla en {policy.Country}"), CountryRule(policy, change, language)),
            ]),
        };
        if (!change.Granted)
            body.Add(new CardText(language.Pick($"Offers and outreach {ConsentWording.By(change.Channel).English} follow this from now on.",
                $"Las ofertas y los contactos {ConsentWording.By(change.Channel).Spanish} lo respetan desde ahora."), TextEmphasis.Subtle));
        return new Card(language.Pick($"Consent recorded for {customer.DisplayName}", $"Consentimiento registrado de {customer.DisplayName}"), body,
            [CardButton.For(language.Pick("Privacy preferences", "Preferencias de privacidad"), CustomerVerbs.Privacy, (CustomerResolver.CustomerIdKey, customer.Id.Value.ToString()))])
        { Subtitle = customer.Company };
    }

    private static string CountryRule(CountryConsentPolicy policy, ConsentChange change, LanguageCode language)
    {
        if (change.Purpose == ConsentPurpose.Service)
            return language.Pick("service messages need no opt-in; a withdrawal stops them", "los mensajes de servicio no necesitan consentimiento previo; una retirada los detiene");
        var optIn = policy.RegimeFor(change.Purpose, change.Channel) == ConsentRegime.OptIn;
        var rule = optIn
            ? language.Pick("opt-in: without a grant on record the answer is no", "consentimiento previo: sin consentimiento registrado la respuesta es no")
            : language.Pick("opt-out: allowed until the customer objects", "oposición: se permite mientras el cliente no se oponga");
        return policy.IsListed ? rule : language.Pick($"{rule} (not in the consent policy table: the strictest rules apply)",
            $"{rule} (no figura en la tabla de políticas: se aplican las reglas más estrictas)");
    }

    private static void Choice(List<CardBlock> body, string id, string label, IReadOnlyList<CardChoice> choices, string? value, string error) =>
        body.Add(new CardChoiceInput(id, label, choices) { Value = choices.Any(c => c.Value == value) ? value : null, ErrorMessage = error });

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
