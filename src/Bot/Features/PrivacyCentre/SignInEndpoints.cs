using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;
using static ChatCrm.Bot.Features.PrivacyCentre.HtmlPage;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// Signing in by magic link: the address form, the same answer whether or not a customer has the address, the page a
/// link opens (a button, so a mail scanner fetching the link does not spend it), spending the link, and signing out.
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignIn(this RouteGroupBuilder group)
    {
        group.MapGet("/", AskForLinkAsync);
        group.MapPost("/link", SendLinkAsync).AddEndpointFilter<RequireAntiforgery>();
        group.MapGet("/open/{token}", ShowOpenAsync);
        group.MapPost("/open", OpenAsync).AddEndpointFilter<RequireAntiforgery>();
        group.MapPost("/sign-out", SignOutAsync).AddEndpointFilter<RequireAntiforgery>();
    }

    private static async Task<IResult> AskForLinkAsync(HttpContext http, ErasureStatusCookie erasure, IOptions<PrivacyCentreOptions> options)
    {
        var language = PageLanguage.Of(http);
        var page = new HtmlPage(language, language.Pick("Your privacy centre", "Tu centro de privacidad"), PrivacyCentreRoutes.Root);
        ErasureStatusCookie.Show(page, await erasure.FollowedAsync(http));
        var minutes = (int)options.Value.LinkLifetime.TotalMinutes;
        return page.Paragraph(page.T($"See the data we hold about you and decide how we may contact you. Enter your e-mail address and we will send you a link that works once, for {minutes} minutes.",
                $"Consulta los datos que guardamos sobre ti y decide cómo podemos contactarte. Escribe tu correo electrónico y te enviaremos un enlace que funciona una vez, durante {minutes} minutos."))
            .Markup($"<form method=\"post\" action=\"{PrivacyCentreRoutes.RequestLink}\">{RequireAntiforgery.TokenFor(http).Hidden}"
                + $"<label for=\"email\">{E(page.T("Your e-mail address", "Tu correo electrónico"))}</label>"
                + "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required maxlength=\"200\">"
                + $"<button type=\"submit\">{E(page.T("Send me a link", "Envíame un enlace"))}</button></form>")
            .Result();
    }

    private static async Task<IResult> SendLinkAsync(HttpContext http, LinkRequestLimits limits, PrivacyLinkRequests requests)
    {
        var language = PageLanguage.Of(http);
        var raw = (string?)http.Request.Form["email"] ?? string.Empty;
        var email = CustomerEmailLookup.Normalise(raw);
        if (!limits.TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", email ?? raw))
        {
            http.Response.Headers.RetryAfter = "60";
            var busy = new HtmlPage(language, language.Pick("Too many requests", "Demasiadas peticiones"), PrivacyCentreRoutes.Root);
            return busy.Paragraph(busy.T("Please wait a while before asking for another link.", "Espera un rato antes de pedir otro enlace.")).Result(StatusCodes.Status429TooManyRequests);
        }
        // The same answer, after the same work, whether a customer has the address or not: the e-mail goes out afterwards.
        if (email is not null)
            await requests.AcceptAsync(email, http.RequestAborted);
        var page = new HtmlPage(language, language.Pick("Check your e-mail", "Revisa tu correo"), PrivacyCentreRoutes.Root);
        return page.Paragraph(page.T("If we have that address, we have sent a link to it. It works once, for a short time. Nothing arrived? Check the address and your spam folder, then ask again.",
            "Si tenemos esa dirección, le hemos enviado un enlace. Funciona una vez, durante poco tiempo. ¿No ha llegado? Revisa la dirección y la carpeta de spam, y vuelve a pedirlo.")).Result();
    }

    private static async Task<IResult> ShowOpenAsync(string token, HttpContext http, PrivacyLinkStore links)
    {
        var language = PageLanguage.Of(http);
        if (!await links.IsOpenAsync(token, http.RequestAborted))
            return NotValid(http);
        var page = new HtmlPage(language, language.Pick("Open your privacy centre", "Abrir tu centro de privacidad"), $"{PrivacyCentreRoutes.Open}/{token}");
        return page.Markup($"<form method=\"post\" action=\"{PrivacyCentreRoutes.Open}\">{RequireAntiforgery.TokenFor(http).Hidden}"
                + $"<input type=\"hidden\" name=\"token\" value=\"{E(token)}\">"
                + $"<button type=\"submit\">{E(page.T("Continue", "Continuar"))}</button></form>").Result();
    }

    private static async Task<IResult> OpenAsync(HttpContext http, PrivacyLinkStore links, PrivacyCentreSession session, CrmDbContext db, TimeProvider time)
    {
        if (await links.SpendAsync(http.Request.Form["token"], http.RequestAborted) is not { } customer)
            return NotValid(http);
        await session.StartAsync(http, customer);
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.OpenedPrivacyCentre, customer, time.GetUtcNow()));
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Redirect(PrivacyCentreRoutes.Mine, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, PrivacyCentreSession session)
    {
        await session.EndAsync(http);
        var language = PageLanguage.Of(http);
        var page = new HtmlPage(language, language.Pick("You are signed out", "Has cerrado la sesión"), PrivacyCentreRoutes.Root);
        return page.Markup($"<p><a href=\"{PrivacyCentreRoutes.Root}\">{E(page.T("Ask for a new link", "Pedir un enlace nuevo"))}</a></p>").Result();
    }

    private static IResult NotValid(HttpContext http)
    {
        var language = PageLanguage.Of(http);
        var page = new HtmlPage(language, language.Pick("This link does not work", "Este enlace no funciona"), PrivacyCentreRoutes.Root);
        return page.Paragraph(page.T("It was already used, has expired, or is not one of ours.", "Ya se usó, ha caducado o no es nuestro."))
            .Markup($"<p><a href=\"{PrivacyCentreRoutes.Root}\">{E(page.T("Ask for a new link", "Pedir un enlace nuevo"))}</a></p>")
            .Result(StatusCodes.Status404NotFound);
    }
}
