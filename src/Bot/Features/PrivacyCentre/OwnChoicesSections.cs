using System.Text;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.PrivacyCentre;
using static ChatCrm.Bot.Features.PrivacyCentre.HtmlPage;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The parts of the customer's page they act on: consent per purpose and channel, download, correction, erasure.</summary>
public static class OwnChoicesSections
{
    public static void Consents(HtmlPage page, ConsentSummary summary, FormToken token)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(token);
        page.Heading(page.T("Your consent", "Tu consentimiento"), id: "consent")
            .Paragraph(page.T("What we may contact you for, and how. A change counts at once.", "Para qué podemos contactarte y cómo. Un cambio cuenta desde ya."), "hint");
        var html = new StringBuilder("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"consent\"><table><caption>")
            .Append(E(page.T("Consent by purpose and channel", "Consentimiento por finalidad y canal"))).Append("</caption><thead><tr>");
        foreach (var header in new[] { page.T("Purpose", "Finalidad"), page.T("Channel", "Canal"), page.T("Now", "Ahora"), page.T("Change", "Cambiar") })
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var standing in summary.Standings)
        {
            var purpose = ConsentWording.Purpose(standing.Purpose).In(page.Language);
            var channel = ConsentWording.Name(standing.Channel).In(page.Language);
            var allowed = standing.Decision.Allowed;
            var action = allowed ? page.T("Withdraw", "Retirar") : page.T("Allow", "Permitir");
            html.Append("<tr><th scope=\"row\">").Append(E(purpose)).Append("</th><td>").Append(E(channel)).Append("</td><td>")
                .Append(E(allowed ? page.T("allowed", "permitido") : page.T("not allowed", "no permitido"))).Append("</td><td>")
                .Append("<form class=\"inline\" method=\"post\" action=\"").Append(PrivacyCentreRoutes.Consent).Append("\">").Append(token.Hidden)
                .Append("<input type=\"hidden\" name=\"purpose\" value=\"").Append(standing.Purpose).Append("\">")
                .Append("<input type=\"hidden\" name=\"channel\" value=\"").Append(standing.Channel).Append("\">")
                .Append("<input type=\"hidden\" name=\"granted\" value=\"").Append(allowed ? "false" : "true").Append("\">")
                .Append("<button type=\"submit\" class=\"secondary\" aria-label=\"").Append(E($"{action}: {purpose} {ConsentWording.By(standing.Channel).In(page.Language)}")).Append("\">")
                .Append(E(action)).Append("</button></form></td></tr>");
        }
        page.Markup(html.Append("</tbody></table></div>").ToString());
    }

    public static void Download(HtmlPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Heading(page.T("Take your data with you", "Llévate tus datos"), id: "download")
            .Markup($"<ul><li><a href=\"{PrivacyCentreRoutes.Data}\" download>{E(page.T("Download your data (JSON)", "Descargar tus datos (JSON)"))}</a></li>"
                + $"<li><a href=\"{PrivacyCentreRoutes.Printable}\">{E(page.T("A page to read or print", "Una página para leer o imprimir"))}</a></li></ul>")
            .Paragraph(page.T("This is what we hold about you, without our staff's internal notes and scores. To get everything, including those, ask our privacy officer: they answer within a month.",
                "Esto es lo que guardamos sobre ti, sin las notas y puntuaciones internas de nuestro personal. Para recibirlo todo, también eso, pídeselo a nuestro responsable de privacidad: responde en un mes."), "hint");
    }

    public static void Correction(HtmlPage page, FormToken token)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(token);
        page.Heading(page.T("Ask for a correction", "Pedir una corrección"), id: "correction")
            .Markup($"<form method=\"post\" action=\"{PrivacyCentreRoutes.Correction}\">{token.Hidden}"
                + $"<label for=\"correction-text\">{E(page.T("What is wrong, and what should it say?", "¿Qué está mal y qué debería decir?"))}</label>"
                + $"<textarea id=\"correction-text\" name=\"text\" required maxlength=\"{CorrectionRequests.MaxLength}\" aria-describedby=\"correction-hint\"></textarea>"
                + $"<p id=\"correction-hint\" class=\"hint\">{E(page.T("Your contact at our company gets it and answers you.", "Lo recibe tu contacto en nuestra empresa, que te responderá."))}</p>"
                + $"<button type=\"submit\">{E(page.T("Send the correction", "Enviar la corrección"))}</button></form>");
    }

    public static void Erasure(HtmlPage page, ErasureRequest? request, FormToken token)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(token);
        page.Heading(page.T("Ask us to erase your data", "Pedir que borremos tus datos"), id: "erasure");
        if (request is { Status: ErasureRequestStatus.Pending })
        {
            ErasureStatusCookie.Show(page, request);
            return;
        }
        page.Paragraph(page.T("Your name, company, contact details and what was said in our conversations will be erased. Orders stay, without your name, because the law asks us to keep them.",
                "Se borrarán tu nombre, empresa, datos de contacto y lo dicho en nuestras conversaciones. Los pedidos se conservan, sin tu nombre, porque la ley nos obliga."), "hint")
            .Markup($"<form method=\"post\" action=\"{PrivacyCentreRoutes.Erasure}\">{token.Hidden}"
                + $"<button type=\"submit\">{E(page.T("Ask for erasure", "Pedir la supresión"))}</button></form>");
    }

    public static string SignOutForm(HtmlPage page, FormToken token)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(token);
        return $"<form class=\"inline\" method=\"post\" action=\"{PrivacyCentreRoutes.SignOut}\">{token.Hidden}"
            + $"<button type=\"submit\" class=\"secondary\">{E(page.T("Sign out", "Cerrar sesión"))}</button></form>";
    }
}
