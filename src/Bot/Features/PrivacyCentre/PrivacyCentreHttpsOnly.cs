using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The privacy centre only answers over HTTPS (<see cref="HttpsOnlyPages"/>): nobody on the way may read or reuse a session.</summary>
public sealed class PrivacyCentreHttpsOnly : HttpsOnlyPages
{
    protected override HtmlPage RefusalPage(LanguageCode language)
    {
        var page = new HtmlPage(language, language.Pick("Please use a secure address", "Usa una dirección segura"), PrivacyCentreRoutes.Root);
        page.Paragraph(page.T(
            "The privacy centre only opens over HTTPS, so that nobody on the way can read or reuse your session. Open the address that begins with https://.",
            "El centro de privacidad solo se abre por HTTPS, para que nadie en el camino pueda leer o reutilizar tu sesión. Abre la dirección que empieza por https://."));
        return page;
    }
}
