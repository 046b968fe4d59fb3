using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.PrivacyCentre;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The read-only parts of the customer's page (also the printable page): who they are and what we hold.</summary>
public static class OwnDataSections
{
    public static void Identity(HtmlPage page, OwnData data)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(data);
        var me = data.Identity;
        page.Heading(page.T("Who you are", "Quién eres"), id: "identity").Facts([
            (page.T("Name", "Nombre"), me.Name),
            (page.T("Company", "Empresa"), me.Company),
            (page.T("Country", "País"), me.Country),
            (page.T("Language", "Idioma"), me.Language),
            (page.T("Customer since", "Cliente desde"), Day(me.CustomerSince, page)),
            (page.T("Your contact at our company", "Tu contacto en nuestra empresa"), me.AccountOwner),
        ]);
        page.Table(page.T("How we can reach you", "Cómo podemos contactarte"), [page.T("Kind", "Tipo"), page.T("Value", "Valor")],
            data.Handles.Select(h => (IReadOnlyList<string?>)[HandleKind(h.Kind, page), h.Value]),
            page.T("No e-mail address or phone number on record.", "No tenemos ningún correo ni teléfono."));
    }

    public static void History(HtmlPage page, OwnData data)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(data);
        page.Heading(page.T("Our conversations with you", "Nuestras conversaciones contigo"), id: "interactions");
        page.Table(page.T("Conversations, newest first", "Conversaciones, de la más reciente a la más antigua"),
            [page.T("Date", "Fecha"), page.T("How", "Cómo"), page.T("With", "Con"), page.T("Summary", "Resumen")],
            data.Interactions.Select(i => (IReadOnlyList<string?>)[Day(i.At, page),
                $"{InteractionWording.Kind(i.Kind, page.Language)} · {InteractionWording.Channel(i.Channel, page.Language)}", i.With, i.Summary]),
            page.T("No conversations on record.", "No hay conversaciones registradas."));

        page.Heading(page.T("Your orders", "Tus pedidos"), id: "orders");
        page.Table(page.T("Orders, newest first", "Pedidos, del más reciente al más antiguo"),
            [page.T("Date", "Fecha"), page.T("Product", "Producto"), page.T("Amount", "Importe")],
            data.Orders.Select(o => (IReadOnlyList<string?>)[Day(o.PlacedAt, page), o.Product,
                $"{o.Amount.ToString("N2", Culture(page))} {o.Currency}"]),
            page.T("No orders on record.", "No hay pedidos registrados."));

        page.Heading(page.T("Your support cases", "Tus casos de soporte"), id: "cases");
        page.Table(page.T("Support cases", "Casos de soporte"),
            [page.T("Number", "Número"), page.T("Subject", "Asunto"), page.T("Status", "Estado"), page.T("Opened", "Abierto"), page.T("Resolved", "Resuelto")],
            data.Cases.Select(c => (IReadOnlyList<string?>)[c.Number, c.Title, c.Status, Day(c.OpenedAt, page), c.ResolvedAt is { } r ? Day(r, page) : null]),
            page.T("No support cases on record.", "No hay casos de soporte registrados."));

        page.Heading(page.T("Offers we showed you", "Ofertas que te mostramos"), id: "offers");
        page.Table(page.T("Offers and your answers", "Ofertas y tus respuestas"),
            [page.T("Date", "Fecha"), page.T("Offer", "Oferta"), page.T("Channel", "Canal"), page.T("Your answer", "Tu respuesta")],
            data.Offers.Select(o => (IReadOnlyList<string?>)[Day(o.ShownAt, page), o.Offer, ConsentWording.Name(o.Channel).In(page.Language), Answer(o.Answer, page)]),
            page.T("No offers on record.", "No hay ofertas registradas."));
    }

    public static void ConsentHistory(HtmlPage page, IReadOnlyList<ConsentRecord> consents)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(consents);
        page.Table(page.T("Everything you told us about consent, newest first", "Todo lo que nos dijiste sobre tu consentimiento, de lo más reciente a lo más antiguo"),
            [page.T("Date", "Fecha"), page.T("Purpose", "Finalidad"), page.T("Channel", "Canal"), page.T("Decision", "Decisión"), page.T("How", "Cómo")],
            consents.Select(c => (IReadOnlyList<string?>)[Day(c.RecordedAt, page), ConsentWording.Purpose(c.Purpose).In(page.Language),
                ConsentWording.Name(c.Channel).In(page.Language), c.Granted ? page.T("granted", "concedido") : page.T("withdrawn", "retirado"), c.Source]),
            page.T("No consent statements on record.", "No hay declaraciones de consentimiento registradas."));
    }

    public static string Day(DateTimeOffset at, HtmlPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return at.UtcDateTime.ToString("d MMM yyyy", Culture(page));
    }

    private static CultureInfo Culture(HtmlPage page) => CultureInfo.GetCultureInfo(page.T("en-GB", "es-ES"));

    private static string HandleKind(IdentityKind kind, HtmlPage page) => kind switch
    {
        IdentityKind.Email => page.T("E-mail", "Correo electrónico"),
        IdentityKind.Phone => page.T("Phone", "Teléfono"),
        IdentityKind.LoyaltyNumber => page.T("Loyalty number", "Número de fidelización"),
        _ => page.T("Reference", "Referencia"),
    };

    private static string Answer(OfferResponse? answer, HtmlPage page) => answer switch
    {
        OfferResponse.Accepted => page.T("accepted", "aceptada"),
        OfferResponse.NotNow => page.T("not now", "ahora no"),
        OfferResponse.Declined => page.T("declined", "rechazada"),
        _ => page.T("no answer", "sin respuesta"),
    };
}
