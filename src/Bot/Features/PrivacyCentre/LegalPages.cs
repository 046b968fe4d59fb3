using System.Text;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The pages the Teams package and shared messages point browsers at: <c>/privacy</c> and <c>/terms</c> (an operator's
/// own file, or a short built-in text), and <c>/customers/{id}</c>, the address of a customer link pasted in a chat.
/// That address is only a key for the chat to unfurl under the reader's own rights; in a browser it explains so and
/// shows nothing of the customer — not even whether the id exists (see docs/decisions/0006).
/// </summary>
public static class LegalPages
{
    public const string Privacy = "/privacy";
    public const string Terms = "/terms";
    public const string CustomerLink = "/customers/{id}";

    public static void MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty).AddEndpointFilter<PrivacyCentreHeaders>().ExcludeFromDescription();
        group.MapGet(Privacy, (HttpContext http, IOptions<LegalPagesOptions> options) =>
            FromFile(options.Value.PrivacyStatementFile) ?? PrivacyStatement(PageLanguage.Of(http), options.Value).Result());
        group.MapGet(Terms, (HttpContext http, IOptions<LegalPagesOptions> options) =>
            FromFile(options.Value.TermsFile) ?? TermsOfUse(PageLanguage.Of(http), options.Value).Result());
        group.MapGet(CustomerLink, (HttpContext http, string id) => CustomerLinkPage(PageLanguage.Of(http)).Result());
    }

    private static IResult? FromFile(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Results.Content(File.ReadAllText(path), "text/html; charset=utf-8", Encoding.UTF8);

    private static HtmlPage PrivacyStatement(LanguageCode language, LegalPagesOptions options)
    {
        var page = new HtmlPage(language, language.Pick("Privacy statement", "Declaración de privacidad"), Privacy);
        page.Paragraph(page.T(
            $"ChatCrm is the customer relationship tool {options.Controller} uses inside Microsoft Teams and Slack. {options.Controller} is responsible for the data it holds.",
            $"ChatCrm es la herramienta de relación con clientes que {options.Controller} usa dentro de Microsoft Teams y Slack. {options.Controller} es responsable de los datos que guarda."));
        page.Heading(page.T("What it holds", "Qué guarda"));
        page.Paragraph(page.T(
            "About customers: name, company, contact details, conversations staff logged, orders, support cases, consent statements and the offers shown. About staff: name, role, team, time zone and language, and an audit of which customer records each person viewed or changed.",
            "De los clientes: nombre, empresa, datos de contacto, conversaciones registradas por el personal, pedidos, casos de soporte, declaraciones de consentimiento y ofertas mostradas. Del personal: nombre, rol, equipo, zona horaria e idioma, y un registro de qué fichas de clientes vio o cambió cada persona."));
        page.Heading(page.T("Why, and for how long", "Para qué, y durante cuánto tiempo"));
        page.Paragraph(page.T(
            "To serve customers and keep their history in one place; marketing only with the customer's consent for that purpose and channel. Conversations are kept six years and the audit two years unless the company set shorter periods.",
            "Para atender a los clientes y tener su historial en un solo sitio; comunicaciones comerciales solo con el consentimiento del cliente para esa finalidad y canal. Las conversaciones se guardan seis años y el registro de accesos dos, salvo que la empresa fije plazos más cortos."));
        page.Heading(page.T("Your rights", "Tus derechos"));
        page.Markup($"<p>{HtmlPage.E(page.T("Customers see their data, change their consent, download it and ask for a correction or for erasure in their", "Los clientes ven sus datos, cambian su consentimiento, los descargan y piden una corrección o la supresión en su"))} <a href=\"{PrivacyCentreRoutes.Root}\">{HtmlPage.E(page.T("privacy centre", "centro de privacidad"))}</a>.</p>");
        if (options.ContactEmail is { Length: > 0 } contact)
            page.Markup($"<p>{HtmlPage.E(page.T("Questions:", "Consultas:"))} <a href=\"mailto:{HtmlPage.E(contact)}\">{HtmlPage.E(contact)}</a></p>");
        return page;
    }

    private static HtmlPage TermsOfUse(LanguageCode language, LegalPagesOptions options)
    {
        var page = new HtmlPage(language, language.Pick("Terms of use", "Condiciones de uso"), Terms);
        page.Paragraph(page.T(
            $"ChatCrm is provided by {options.Controller} to its staff for work with customers. Use it only for that work, see only what your role needs, and record what customers say as they said it.",
            $"{options.Controller} pone ChatCrm a disposición de su personal para el trabajo con clientes. Úsalo solo para ese trabajo, consulta solo lo que tu rol necesita y registra lo que dicen los clientes tal como lo dicen."));
        page.Paragraph(page.T(
            "Every view and change of a customer record is audited. Customer data stays in ChatCrm and the chat tools it runs in; do not copy it elsewhere.",
            "Cada consulta y cambio de una ficha de cliente queda registrado. Los datos de clientes se quedan en ChatCrm y en las herramientas de chat donde funciona; no los copies a otros sitios."));
        if (options.ContactEmail is { Length: > 0 } contact)
            page.Markup($"<p>{HtmlPage.E(page.T("Questions:", "Consultas:"))} <a href=\"mailto:{HtmlPage.E(contact)}\">{HtmlPage.E(contact)}</a></p>");
        return page;
    }

    private static HtmlPage CustomerLinkPage(LanguageCode language)
    {
        var page = new HtmlPage(language, language.Pick("A ChatCrm customer link", "Un enlace a un cliente de ChatCrm"), "/customers/link");
        page.Paragraph(page.T(
            "This address stands for a customer in ChatCrm. Paste it in a Teams chat to see the customer's card: each person sees what their own role allows. It shows nothing in a browser.",
            "Esta dirección representa a un cliente en ChatCrm. Pégala en un chat de Teams para ver la ficha del cliente: cada persona ve lo que su rol le permite. En un navegador no muestra nada."));
        return page;
    }
}
