using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Privacy;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>Cards for customers' data requests: an export ready to download, and erasure with its confirmation.</summary>
public static class PrivacyCards
{
    public static Card ExportReady(Customer customer, Uri link, TimeSpan lifetime, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var minutes = ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        return new Card(language.Pick($"Export for {customer.DisplayName}", $"Exportación de {customer.DisplayName}"),
        [
            new CardText(language.Pick(
                "Everything ChatCrm holds about this customer — record, handles, interactions, orders, consents and who viewed the record — as one JSON document.",
                "Todo lo que ChatCrm guarda de este cliente —ficha, identificadores, interacciones, pedidos, consentimientos y quién vio la ficha— en un solo documento JSON.")),
            new CardText(language.Pick(
                $"The link works once, for {minutes} minutes. Whoever opens it downloads this customer's data, so do not forward it; the download is recorded in the customer's audit trail with its time, IP address and browser.",
                $"El enlace funciona una sola vez, durante {minutes} minutos. Quien lo abra descarga los datos de este cliente, así que no lo reenvíes; la descarga queda registrada en la auditoría del cliente con su hora, dirección IP y navegador."), TextEmphasis.Subtle),
        ],
        []) { Links = [new CardLink(language.Pick("Download the export", "Descargar la exportación"), link)] };
    }

    public static Card ConfirmErasure(Customer customer, string verb, (string Key, string Value) issuedAt, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var description = customer.Company is { } company ? $"{customer.DisplayName} ({company})" : customer.DisplayName;
        return new Card(language.Pick("Erase a customer's personal data?", "¿Borrar los datos personales de un cliente?"),
        [
            new CardText(language.Pick(
                $"This anonymises {description}: the name, company and every e-mail, phone and other handle are removed (also those of records merged into it), and what was said is redacted wherever it was kept: interactions, support cases and their notes, consent and audit notes, suggestions and stored requests.",
                $"Esto anonimiza a {description}: se quitan el nombre, la empresa y cada e-mail, teléfono y demás identificadores (también los de las fichas fusionadas con ella), y se tacha lo dicho allí donde se guardó: interacciones, casos de soporte y sus notas, notas de consentimiento y de auditoría, sugerencias y peticiones guardadas.")),
            new CardText(language.Pick(
                "Orders, dates and the audit trail stay, so totals keep adding up. This cannot be undone.",
                "Los pedidos, las fechas y la auditoría se conservan, para que los totales sigan cuadrando. No se puede deshacer."), TextEmphasis.Warning),
        ],
        [CardButton.For(language.Pick("Erase for good", "Borrar definitivamente"), verb, ("customerId", customer.Id.Value.ToString()), issuedAt)]);
    }

    public static Card Erased(ErasureReport report, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Card(language.Pick($"{report.FormerName} has been erased", $"{report.FormerName} ha sido borrado"),
        [
            new CardFacts(
            [
                new CardFact(language.Pick("Handles removed", "Identificadores quitados"), report.HandlesRemoved.ToString(CultureInfo.InvariantCulture)),
                new CardFact(language.Pick("Interactions redacted", "Interacciones tachadas"), report.InteractionsRedacted.ToString(CultureInfo.InvariantCulture)),
                new CardFact(language.Pick("Orders kept (anonymous)", "Pedidos conservados (anónimos)"), report.OrdersKept.ToString(CultureInfo.InvariantCulture)),
            ]),
        ],
        []);
    }
}
