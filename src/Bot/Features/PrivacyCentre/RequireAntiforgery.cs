using Microsoft.AspNetCore.Antiforgery;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>Every privacy centre form is checked against its antiforgery token; a post without a valid one gets 400 and does nothing.</summary>
public sealed class RequireAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType)
            return Refused(http);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(http);
        }
        return await next(context);
    }

    /// <summary>The token for the forms of a page about to be shown.</summary>
    public static FormToken TokenFor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }

    private static IResult Refused(HttpContext http)
    {
        var page = new HtmlPage(PageLanguage.Of(http), string.Empty, PrivacyCentreRoutes.Root);
        var title = page.T("This form has expired", "Este formulario ha caducado");
        return new HtmlPage(page.Language, title, PrivacyCentreRoutes.Root)
            .Paragraph(page.T("Nothing was changed. Go back, reload the page and try again.", "No se ha cambiado nada. Vuelve atrás, recarga la página y prueba otra vez."))
            .Markup($"<p><a href=\"{PrivacyCentreRoutes.Mine}\">{HtmlPage.E(page.T("Back to your privacy centre", "Volver a tu centro de privacidad"))}</a></p>")
            .Result(StatusCodes.Status400BadRequest);
    }
}
