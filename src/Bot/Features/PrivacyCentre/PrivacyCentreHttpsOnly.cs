using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The privacy centre only answers over HTTPS: its cookies are <c>__Host-</c> and Secure, and antiforgery refuses
/// anything else. A plain-HTTP request gets a page that says so (not a 500 from deep inside antiforgery). Behind a
/// reverse proxy that ends TLS, the proxy's <c>X-Forwarded-Proto</c> is honoured when
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> is set (ASP.NET Core's own switch).
/// </summary>
public sealed class PrivacyCentreHttpsOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.IsHttps)
            return next(context);
        var page = new HtmlPage(PageLanguage.Of(http), PageLanguage.Of(http).Pick("Please use a secure address", "Usa una dirección segura"), PrivacyCentreRoutes.Root);
        page.Paragraph(page.T(
            "The privacy centre only opens over HTTPS, so that nobody on the way can read or reuse your session. Open the address that begins with https://.",
            "El centro de privacidad solo se abre por HTTPS, para que nadie en el camino pueda leer o reutilizar tu sesión. Abre la dirección que empieza por https://."));
        return ValueTask.FromResult<object?>(page.Result(StatusCodes.Status400BadRequest));
    }
}
