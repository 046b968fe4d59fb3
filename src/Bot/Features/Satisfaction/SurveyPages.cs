using ChatCrm.Bot.Cards;
using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Satisfaction;
using static ChatCrm.Bot.Features.PrivacyCentre.HtmlPage;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>The survey's pages, in the privacy centre's look: the question, the thanks, and the polite refusals.</summary>
public static class SurveyPages
{
    private static readonly LocalizedText Brand = new("Customer satisfaction", "Satisfacción del cliente");

    public static HtmlPage Page(LanguageCode language, string title, string switchPath) => new(language, title, switchPath, Brand);

    /// <summary>The question: five scores as radio buttons, an optional comment (kept as typed when shown again with <paramref name="problem"/>).</summary>
    public static IResult Question(HttpContext http, LanguageCode language, string token, string caseNumber, string caseTitle, string? problem = null,
        string? comment = null, string? score = null)
    {
        var page = Page(language, language.Pick("How did we do?", "¿Qué tal lo hicimos?"), $"{SatisfactionRoutes.Root}/{token}");
        page.Paragraph(page.T($"We have resolved your case {caseNumber} ({caseTitle}). How satisfied are you with how we handled it?",
            $"Hemos resuelto tu caso {caseNumber} ({caseTitle}). ¿Cuánto te ha satisfecho cómo lo gestionamos?"));
        if (problem is not null)
            page.Markup($"<p class=\"notice\" role=\"alert\">{E(problem)}</p>");
        var html = new StringBuilder();
        html.Append("<form method=\"post\" action=\"").Append(SatisfactionRoutes.Answer).Append("\">").Append(RequireAntiforgery.TokenFor(http).Hidden)
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(E(token)).Append("\">")
            .Append("<fieldset><legend>").Append(E(page.T("Your score, from 1 (not at all satisfied) to 5 (very satisfied)",
                "Tu puntuación, del 1 (nada satisfecho) al 5 (muy satisfecho)"))).Append("</legend>");
        for (var value = SatisfactionSurvey.MinScore; value <= SatisfactionSurvey.MaxScore; value++)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            html.Append("<label><input type=\"radio\" name=\"score\" value=\"").Append(text).Append('"')
                .Append(score == text ? " checked" : string.Empty).Append(" required> ").Append(text).Append("</label> ");
        }
        html.Append("</fieldset><label for=\"comment\">").Append(E(page.T("Anything you would like to tell us? (optional)", "¿Algo que quieras contarnos? (opcional)")))
            .Append("</label><textarea id=\"comment\" name=\"comment\" maxlength=\"").Append(SatisfactionSurvey.MaxCommentLength.ToString(CultureInfo.InvariantCulture))
            .Append("\">").Append(E(comment)).Append("</textarea><button type=\"submit\">").Append(E(page.T("Send", "Enviar"))).Append("</button></form>");
        return page.Markup(html.ToString()).Result(problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static IResult Thanks(LanguageCode language, bool low) =>
        Page(language, language.Pick("Thank you", "Gracias"), SatisfactionRoutes.Root)
            .Paragraph(low
                ? language.Pick("Thank you for telling us. We are sorry it did not go well: your contact's manager has been told and will look into it.",
                    "Gracias por contárnoslo. Sentimos que no haya ido bien: el responsable de tu contacto ya lo sabe y lo revisará.")
                : language.Pick("Thank you for your answer: it helps us serve you better.", "Gracias por tu respuesta: nos ayuda a atenderte mejor."))
            .Result();

    /// <summary>A second answer to one survey: refused, politely.</summary>
    public static IResult AlreadyAnswered(LanguageCode language, int status) =>
        Page(language, language.Pick("You have already answered", "Ya has respondido"), SatisfactionRoutes.Root)
            .Paragraph(language.Pick("We have your answer to this survey already, thank you. Each survey takes one answer.",
                "Ya tenemos tu respuesta a esta encuesta, gracias. Cada encuesta admite una respuesta."))
            .Result(status);

    public static IResult NotValid(LanguageCode language) =>
        Page(language, language.Pick("This link does not work", "Este enlace no funciona"), SatisfactionRoutes.Root)
            .Paragraph(language.Pick("It has expired or is not one of ours. Thank you all the same: if you have something to tell us, your usual contact is glad to hear it.",
                "Ha caducado o no es nuestro. Gracias de todos modos: si quieres contarnos algo, tu contacto habitual te escuchará encantado."))
            .Result(StatusCodes.Status404NotFound);
}
