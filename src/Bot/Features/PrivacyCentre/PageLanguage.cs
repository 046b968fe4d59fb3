using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The language a privacy centre page is written in: <c>?lang=es|en</c> (remembered in a cookie), else the remembered
/// choice, else the customer's preferred language, else the browser's. Spanish and English only.
/// </summary>
public static class PageLanguage
{
    public const string CookieName = "__Host-chatcrm-lang";

    public static LanguageCode Of(HttpContext http, LanguageCode? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Parse(http.Request.Query["lang"]) is { } asked)
        {
            http.Response.Cookies.Append(CookieName, asked == LanguageCode.Spanish ? "es" : "en", new CookieOptions
            {
                HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            });
            return asked;
        }
        if (Parse(http.Request.Cookies[CookieName]) is { } remembered)
            return remembered;
        if (preferred is { } customers)
            return customers == LanguageCode.Spanish ? LanguageCode.Spanish : LanguageCode.English;
        var browser = http.Request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.TrimEntries).FirstOrDefault();
        return LocalizedText.LanguageFor(browser);
    }

    private static LanguageCode? Parse(string? value) => value switch
    {
        "es" => LanguageCode.Spanish,
        "en" => LanguageCode.English,
        _ => null,
    };
}
