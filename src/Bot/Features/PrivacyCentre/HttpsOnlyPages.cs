using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The customer-facing pages (the privacy centre, the satisfaction survey) answer only over HTTPS: their cookies are
/// <c>__Host-</c> and Secure, and antiforgery refuses anything else. A plain-HTTP request gets a page that says so, in the
/// reader's language (not a 500 from deep inside antiforgery); each kind of page words it for itself. Behind a reverse
/// proxy that ends TLS, the proxy's <c>X-Forwarded-Proto</c> is honoured when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>
/// is set (ASP.NET Core's own switch).
/// </summary>
public abstract class HttpsOnlyPages : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.IsHttps)
            return next(context);
        return ValueTask.FromResult<object?>(RefusalPage(PageLanguage.Of(http)).Result(StatusCodes.Status400BadRequest));
    }

    /// <summary>The page that asks for the secure address.</summary>
    protected abstract HtmlPage RefusalPage(LanguageCode language);
}
