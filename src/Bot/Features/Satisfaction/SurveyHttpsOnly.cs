using ChatCrm.Bot.Cards;
namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>
/// The survey answers only over HTTPS, as the privacy centre does (its antiforgery cookie is <c>__Host-</c> and Secure):
/// a plain-HTTP request gets a page that says so, not a 500.
/// </summary>
public sealed class SurveyHttpsOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.IsHttps)
            return next(context);
        var language = PrivacyCentre.PageLanguage.Of(http);
        var page = SurveyPages.Page(language, language.Pick("Please use a secure address", "Usa una dirección segura"), SatisfactionRoutes.Root);
        page.Paragraph(page.T("This survey only opens over HTTPS, so that nobody on the way can read or change your answer. Open the address that begins with https://.",
            "Esta encuesta solo se abre por HTTPS, para que nadie en el camino pueda leer o cambiar tu respuesta. Abre la dirección que empieza por https://."));
        return ValueTask.FromResult<object?>(page.Result(StatusCodes.Status400BadRequest));
    }
}
