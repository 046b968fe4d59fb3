using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The session cookie: a random token in an HttpOnly, Secure, SameSite=Strict <c>__Host-</c> cookie, looked up by its
/// hash in the database on every request (so signing out, or the session's end, is honoured by every instance).
/// </summary>
public sealed class PrivacyCentreSession(PrivacySessionStore sessions, IOptions<PrivacyCentreOptions> options)
{
    public const string CookieName = "__Host-chatcrm-privacy";

    public async Task StartAsync(HttpContext http, CustomerId customer)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lifetime = options.Value.SessionLifetime;
        var token = await sessions.StartAsync(customer, lifetime, http.RequestAborted);
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", MaxAge = lifetime, IsEssential = true,
        });
    }

    /// <returns>The signed-in customer, or null.</returns>
    public Task<CustomerId?> CustomerAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return sessions.FindAsync(http.Request.Cookies[CookieName], http.RequestAborted);
    }

    public async Task EndAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        await sessions.EndAsync(http.Request.Cookies[CookieName], http.RequestAborted);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict, Path = "/", HttpOnly = true });
    }
}
