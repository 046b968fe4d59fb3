using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>The survey only answers over HTTPS, as the privacy centre does (<see cref="HttpsOnlyPages"/>): nobody on the way may read or change an answer.</summary>
public sealed class SurveyHttpsOnly : HttpsOnlyPages
{
    protected override HtmlPage RefusalPage(LanguageCode language)
    {
        var page = SurveyPages.Page(language, language.Pick("Please use a secure address", "Usa una dirección segura"), SatisfactionRoutes.Root);
        page.Paragraph(page.T("This survey only opens over HTTPS, so that nobody on the way can read or change your answer. Open the address that begins with https://.",
            "Esta encuesta solo se abre por HTTPS, para que nadie en el camino pueda leer o cambiar tu respuesta. Abre la dirección que empieza por https://."));
        return page;
    }
}
