using System.Net;
using ChatCrm.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>What the privacy centre refuses: spent, expired and forged links, forms without their antiforgery token,
/// too many link requests, an ended session; and what it never tells: whether an address is known.</summary>
public sealed class PrivacyCentreLinkTests : PrivacyCentreTestBase
{
    [Fact]
    public async Task ReusedLink_SecondUse_IsRefused()
    {
        // A link spent by one browser, presented again by the same link's second press in another browser.
        var token = await SpentTokenAsync(Browser());
        var second = Browser();
        (await second.GetAsync($"/privacy-centre/open/{token}")).ShouldShow("This link does not work");
        Assert.Equal(HttpStatusCode.NotFound, second.Last!.Status);
        await second.GetAsync("/privacy-centre?lang=en");
        var reused = await second.PostAsync("/privacy-centre/open", ("token", token));
        Assert.Equal(HttpStatusCode.NotFound, reused.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/privacy-centre/me")).Status);
    }

    [Fact]
    public async Task ExpiredLink_AfterItsLifetime_IsRefused()
    {
        var browser = Browser();
        await browser.GetAsync("/privacy-centre?lang=en");
        await browser.PostAsync("/privacy-centre/link", ("email", JenniferEmail));
        var path = LinkPath(await Inbox.NextAsync());
        await browser.GetAsync(path);

        Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/privacy-centre/open", ("token", TokenOf(path)))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).Status);
    }

    [Fact]
    public async Task ForgedLink_IsRefused()
    {
        var browser = Browser();
        var forged = new string('A', 43);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/privacy-centre/open/{forged}")).Status);
        await browser.GetAsync("/privacy-centre?lang=en");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/privacy-centre/open", ("token", forged))).Status);
    }

    [Fact]
    public async Task FormWithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var browser = await SignInAsync(JenniferEmail);
        await browser.GetAsync("/privacy-centre/me");

        var forged = await browser.PostAsync("/privacy-centre/me/consent", withToken: false, ("purpose", "Marketing"), ("channel", "Email"), ("granted", "false"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.ConsentRecords.CountAsync(r => r.CustomerId == Jennifer)));
        await browser.GetAsync("/privacy-centre?lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/privacy-centre/link", withToken: false, ("email", JenniferEmail))).Status);
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSamePage_AndNoMail()
    {
        var browser = Browser();
        await browser.GetAsync("/privacy-centre?lang=en");
        var unknown = await browser.PostAsync("/privacy-centre/link", ("email", "nobody@nowhere.example"));
        await browser.GetAsync("/privacy-centre?lang=en");
        var known = await browser.PostAsync("/privacy-centre/link", ("email", JenniferEmail));

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(known.Html, unknown.Html);
        // Mail goes out in the order asked: the first to arrive is the known address's, so none went to the unknown one.
        Assert.Equal(JenniferEmail, (await Inbox.NextAsync()).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task RateLimit_ThirdRequestForOneAddress_Answers429()
    {
        var browser = Browser();
        foreach (var expected in new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests })
        {
            await browser.GetAsync("/privacy-centre?lang=en");
            var answer = await browser.PostAsync("/privacy-centre/link", ("email", "nobody@nowhere.example"));
            Assert.Equal(expected, answer.Status);
        }
        browser.Last!.ShouldShow("Too many requests");
        Assert.Equal("60", browser.Last.Response.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task RateLimit_SixthRequestFromOneClientForDifferentAddresses_Answers429InTheCustomersLanguage()
    {
        var browser = Browser();
        for (var i = 1; i <= 5; i++)
        {
            await browser.GetAsync("/privacy-centre?lang=es");
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/privacy-centre/link", ("email", $"nadie{i}@ninguna.example"))).Status);
        }
        await browser.GetAsync("/privacy-centre?lang=es");

        var refused = await browser.PostAsync("/privacy-centre/link", ("email", "nadie6@ninguna.example"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        refused.ShouldShow("Demasiadas peticiones", "Espera un rato antes de pedir otro enlace.");
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_EvenForACopiedCookie()
    {
        var browser = await SignInAsync(JenniferEmail);
        await browser.GetAsync("/privacy-centre/me");
        var cookie = browser.Last!.Response.RequestMessage!.Headers.GetValues("Cookie").Single();

        (await browser.PostAsync("/privacy-centre/sign-out")).ShouldShow("You are signed out");

        using var copied = new HttpRequestMessage(HttpMethod.Get, "/privacy-centre/me");
        copied.Headers.Add("Cookie", cookie);
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(copied)).StatusCode);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeadersAndStrictCookies()
    {
        var browser = await SignInAsync(JenniferEmail);
        var session = browser.Last!.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-chatcrm-privacy=", StringComparison.Ordinal));
        foreach (var attribute in new[] { "secure", "samesite=strict", "httponly", "path=/" })
            Assert.Contains(attribute, session, StringComparison.OrdinalIgnoreCase);
        var page = await browser.GetAsync("/privacy-centre/me");

        var csp = page.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-referrer", page.Response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    private async Task<string> SpentTokenAsync(PrivacyCentreBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await browser.GetAsync("/privacy-centre?lang=en");
        await browser.PostAsync("/privacy-centre/link", ("email", BegonaEmail));
        var path = LinkPath(await Inbox.NextAsync());
        await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/privacy-centre/open", ("token", TokenOf(path)))).Status);
        return TokenOf(path);
    }
}
