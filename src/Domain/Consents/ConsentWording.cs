using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// The words consent decisions are told in, in English and Spanish. Kept apart from the rule so the rule
/// reads as logic and the sentences can be reviewed (by counsel, by a translator) in one place.
/// </summary>
public static class ConsentWording
{
    public static LocalizedText Purpose(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Marketing => new("marketing", "comunicaciones comerciales"),
        ConsentPurpose.Profiling => new("profiling", "elaboración de perfiles"),
        _ => new("service messages", "mensajes de servicio"),
    };

    /// <summary>The channel as it reads after a verb: "by e-mail", "por correo electrónico".</summary>
    public static LocalizedText By(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => new("by phone", "por teléfono"),
        ContactChannel.Sms => new("by SMS", "por SMS"),
        ContactChannel.Chat => new("in chat", "por chat"),
        ContactChannel.Post => new("by post", "por correo postal"),
        _ => new("by e-mail", "por correo electrónico"),
    };

    /// <summary>The channel as a label: "E-mail", "Correo electrónico".</summary>
    public static LocalizedText Name(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => new("Phone", "Teléfono"),
        ContactChannel.Sms => new("SMS", "SMS"),
        ContactChannel.Chat => new("Chat", "Chat"),
        ContactChannel.Post => new("Post", "Correo postal"),
        _ => new("E-mail", "Correo electrónico"),
    };

    internal static LocalizedText ServiceAllowed(ContactChannel channel) =>
        Format("service messages {0} need no opt-in", "los mensajes de servicio {0} no necesitan consentimiento previo", By(channel));

    internal static LocalizedText Granted(ConsentRecord record) =>
        Format("opted in to {0} {1} on {2} ({3})", "dio su consentimiento a {0} {1} el {2} ({3})",
            Purpose(record.Purpose), By(record.Channel), Date(record.RecordedAt), Same(record.Source));

    internal static LocalizedText Withdrawn(ConsentRecord record) =>
        Format("withdrew consent to {0} {1} on {2} ({3})", "retiró su consentimiento a {0} {1} el {2} ({3})",
            Purpose(record.Purpose), By(record.Channel), Date(record.RecordedAt), Same(record.Source));

    internal static LocalizedText OptInRequired(CountryConsentPolicy policy, Outreach outreach) => policy.IsListed
        ? Format("no consent to {0} {1} on record, and {2} requires opt-in",
            "no hay consentimiento registrado para {0} {1} y en {2} se exige consentimiento previo",
            Purpose(outreach.Purpose), By(outreach.Channel), Country(policy))
        : Format("no consent to {0} {1} on record, and {2} is not in the consent policy table, so opt-in is required",
            "no hay consentimiento registrado para {0} {1} y {2} no figura en la tabla de políticas de consentimiento, así que se exige consentimiento previo",
            Purpose(outreach.Purpose), By(outreach.Channel), Country(policy));

    internal static LocalizedText OptOutAllows(CountryConsentPolicy policy, Outreach outreach) =>
        Format("no objection to {0} {1} on record, and {2} allows it until the customer opts out",
            "no consta oposición a {0} {1} y en {2} se permite mientras el cliente no se oponga",
            Purpose(outreach.Purpose), By(outreach.Channel), Country(policy));

    internal static LocalizedText PartnerIncentiveForbidden(CountryConsentPolicy policy, Outreach outreach) => policy.IsListed
        ? Format("offers with an incentive tied to a partner company ({0}) are not allowed in {1}",
            "en {1} no se permiten ofertas con incentivos de una empresa asociada ({0})",
            Same(outreach.PartnerCompany ?? string.Empty), Country(policy))
        : Format("offers with an incentive tied to a partner company ({0}) are not allowed: {1} is not in the consent policy table, so the strictest rules apply",
            "no se permiten ofertas con incentivos de una empresa asociada ({0}): {1} no figura en la tabla de políticas de consentimiento, así que se aplican las reglas más estrictas",
            Same(outreach.PartnerCompany ?? string.Empty), Country(policy));

    internal static LocalizedText PersonalContactRequired(CountryConsentPolicy policy) => policy.IsListed
        ? Format("in {0} marketing e-mail needs an earlier visit, call or meeting, and none is logged",
            "en {0} las comunicaciones comerciales por correo electrónico exigen una visita, llamada o reunión previa, y no hay ninguna registrada",
            Country(policy))
        : Format("marketing e-mail needs an earlier visit, call or meeting, and none is logged ({0} is not in the consent policy table, so the strictest rules apply)",
            "las comunicaciones comerciales por correo electrónico exigen una visita, llamada o reunión previa, y no hay ninguna registrada ({0} no figura en la tabla de políticas de consentimiento, así que se aplican las reglas más estrictas)",
            Country(policy));

    private static LocalizedText Country(CountryConsentPolicy policy) => Same(policy.Country.Value);

    private static LocalizedText Same(string text) => new(text, text);

    private static LocalizedText Date(DateTimeOffset at) =>
        new(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

    private static LocalizedText Format(string english, string spanish, params LocalizedText[] parts) =>
        new(string.Format(CultureInfo.InvariantCulture, english, parts.Select(p => (object)p.English).ToArray()),
            string.Format(CultureInfo.InvariantCulture, spanish, parts.Select(p => (object)p.Spanish).ToArray()));
}
