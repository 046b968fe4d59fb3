using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;
using static ChatCrm.Bot.Features.PrivacyCentre.HtmlPage;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The browser that asked for erasure keeps a token to follow the request (HttpOnly, Secure, SameSite=Strict, for the
/// deadline and a month after). Erasure ends every session, so this token is how the customer still sees, on the
/// sign-in page, that the erasure was done; it names no one and opens nothing.
/// </summary>
public sealed class ErasureStatusCookie(ErasureRequestIntake requests, IOptions<PrivacyCentreOptions> options)
{
    public const string CookieName = "__Host-chatcrm-erasure";

    private static readonly TimeSpan KeptAfterDeadline = TimeSpan.FromDays(30);

    public void Give(HttpContext http, string statusToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(CookieName, statusToken, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", MaxAge = options.Value.ErasureDeadline + KeptAfterDeadline,
            IsEssential = true,
        });
    }

    /// <summary>The request this browser follows, or null.</summary>
    public Task<ErasureRequest?> FollowedAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return requests.FollowedByAsync(http.Request.Cookies[CookieName], http.RequestAborted);
    }

    /// <summary>Where the followed request stands, as a notice for the signed-out page; nothing when there is none.</summary>
    public static void Show(HtmlPage page, ErasureRequest? request)
    {
        ArgumentNullException.ThrowIfNull(page);
        switch (request)
        {
            case { Status: ErasureRequestStatus.Done, DoneAt: { } doneAt }:
                page.Markup($"<div class=\"notice\" role=\"status\"><h2>{E(page.T("Your data has been erased", "Tus datos se han borrado"))}</h2><p>"
                    + E(page.T($"We carried out your erasure request of {OwnDataSections.Day(request.RequestedAt, page)} on {OwnDataSections.Day(doneAt, page)}. We no longer hold your name, contact details or what was said in our conversations; orders stay without your name. There is nothing left to sign in to.",
                        $"Llevamos a cabo tu petición de supresión del {OwnDataSections.Day(request.RequestedAt, page)} el {OwnDataSections.Day(doneAt, page)}. Ya no guardamos tu nombre, tus datos de contacto ni lo dicho en nuestras conversaciones; los pedidos se conservan sin tu nombre. No queda nada a lo que acceder."))
                    + "</p></div>");
                break;
            case { Status: ErasureRequestStatus.Pending }:
                page.Paragraph(page.T($"Your erasure request of {OwnDataSections.Day(request.RequestedAt, page)} is waiting for our privacy officer, who will carry it out by {OwnDataSections.Day(request.DueBy, page)}.",
                    $"Tu petición de supresión del {OwnDataSections.Day(request.RequestedAt, page)} está pendiente de nuestro responsable de privacidad, que la llevará a cabo antes del {OwnDataSections.Day(request.DueBy, page)}."), "notice");
                break;
        }
    }
}
