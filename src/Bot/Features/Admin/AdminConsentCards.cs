using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// The consent policy as an admin reads it ("admin consent"): for one country, what silence means per purpose and
/// channel (opt-in, opt-out) and the country's extra rules; with no country, the countries the table describes and
/// what sets each apart. Everything comes from <see cref="CountryConsentPolicy"/>, the same rules the offers obey.
/// </summary>
public static class AdminConsentCards
{
    private static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();

    public static Card Policy(CountryConsentPolicy policy, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var body = new List<CardBlock>();
        if (!policy.IsListed)
        {
            body.Add(new CardText(language.Pick(
                $"{policy.Country} is not in the consent policy table, so the strictest rules apply: opt-in everywhere, no partner incentives, marketing e-mail only after a personal contact.",
                $"{policy.Country} no figura en la tabla de políticas de consentimiento, así que se aplican las reglas más estrictas: consentimiento previo en todo, sin incentivos de empresas asociadas y comunicaciones comerciales por e-mail solo tras un contacto personal."),
                TextEmphasis.Warning));
        }
        foreach (var purpose in new[] { ConsentPurpose.Marketing, ConsentPurpose.Profiling, ConsentPurpose.Service })
        {
            body.Add(new CardSection(Capitalise(ConsentWording.Purpose(purpose).In(language))));
            body.Add(new CardFacts(Channels.Select(c => new CardFact(ConsentWording.Name(c).In(language), Regime(policy, purpose, c, language))).ToList()));
        }
        body.Add(new CardSection(language.Pick("Other rules", "Otras reglas")));
        body.Add(new CardFacts(
        [
            new(language.Pick("Offers with partner incentives", "Ofertas con incentivos de empresas asociadas"), policy.PartnerIncentivesForbidden
                ? language.Pick("forbidden", "prohibidas")
                : language.Pick("allowed (with consent to marketing)", "permitidas (con consentimiento a comunicaciones comerciales)")),
            new(language.Pick("Marketing e-mail", "Comunicaciones comerciales por e-mail"), policy.MarketingEmailRequiresPriorPersonalContact
                ? language.Pick("only after a logged visit, call or meeting (soft opt-in not enough)", "solo tras una visita, llamada o reunión registrada")
                : language.Pick("no earlier personal contact needed", "no exige un contacto personal previo")),
        ]));
        return new Card(language.Pick($"Consent policy: {policy.Country}", $"Política de consentimiento: {policy.Country}"), body, []);
    }

    /// <summary>The countries the table describes, grouped by their rules, each group with what sets it apart.</summary>
    public static Card Countries(ConsentPolicyTable table, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(table);
        // Countries under the same rules (the EU's, say) share one line, so the list stays short.
        var facts = table.Policies
            .GroupBy(p => Summary(p, language), StringComparer.Ordinal)
            .Select(g => new CardFact(string.Join(", ", g.Select(p => p.Country.Value).Order(StringComparer.Ordinal)), g.Key))
            .OrderBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        return new Card(language.Pick("Consent policies", "Políticas de consentimiento"),
        [
            new CardFacts(facts),
            new CardText(language.Pick(
                "Any other country gets the strictest rules. \"admin consent <country>\" shows one country per purpose and channel.",
                "Cualquier otro país recibe las reglas más estrictas. \"admin consentimiento <país>\" muestra un país por finalidad y canal."), TextEmphasis.Subtle),
        ], []);
    }

    private static string Summary(CountryConsentPolicy policy, LanguageCode language)
    {
        var parts = new List<string>();
        var optOut = Channels.Where(c => policy.RegimeFor(ConsentPurpose.Marketing, c) == ConsentRegime.OptOut).ToList();
        parts.Add(optOut.Count == 0
            ? language.Pick("marketing opt-in on every channel", "comunicaciones comerciales con consentimiento previo en todos los canales")
            : language.Pick($"marketing opt-out by {string.Join(", ", optOut.Select(c => ConsentWording.Name(c).English.ToLowerInvariant()))}",
                $"comunicaciones comerciales sin consentimiento previo por {string.Join(", ", optOut.Select(c => ConsentWording.Name(c).Spanish.ToLowerInvariant()))}"));
        if (policy.PartnerIncentivesForbidden)
            parts.Add(language.Pick("no partner incentives", "sin incentivos de empresas asociadas"));
        if (policy.MarketingEmailRequiresPriorPersonalContact)
            parts.Add(language.Pick("marketing e-mail after a personal contact", "e-mail comercial tras un contacto personal"));
        return string.Join("; ", parts);
    }

    private static string Regime(CountryConsentPolicy policy, ConsentPurpose purpose, ContactChannel channel, LanguageCode language)
    {
        if (purpose == ConsentPurpose.Service)
            return language.Pick("always allowed, unless withdrawn", "siempre permitido, salvo retirada");
        var regime = policy.RegimeFor(purpose, channel) == ConsentRegime.OptIn
            ? language.Pick("opt-in (needs consent first)", "consentimiento previo")
            : language.Pick("opt-out (allowed until they object)", "permitido hasta que se oponga");
        return purpose == ConsentPurpose.Marketing && channel == ContactChannel.Email && policy.MarketingEmailRequiresPriorPersonalContact
            ? regime + language.Pick(", after a personal contact", ", tras un contacto personal")
            : regime;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
