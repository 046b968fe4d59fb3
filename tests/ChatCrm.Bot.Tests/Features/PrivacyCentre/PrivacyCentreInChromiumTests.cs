using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>
/// The privacy centre in a real browser: Debian's Chromium driven by Playwright against the bot on Kestrel (loopback),
/// the link read from a real SMTP server, the rep and the privacy officer in Teams through the fake Bot Connector. The
/// customer works with the keyboard alone, and the pages break no CSP rule.
/// </summary>
public sealed partial class PrivacyCentreInChromiumTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Email = "jwalsh@walshhardware.com";

    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly SmtpInbox _inbox = SmtpInbox.Start();
    private static readonly TeamsUser Tom = new("29:tom", "5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "Tom Baker");
    private static readonly TeamsUser Olga = new("29:olga", "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "Olga Privacy");

    private readonly int _port = FreePort();
    private readonly X509Certificate2 _certificate = SelfSignedCertificate();
    private ChatCrmApp _app = null!;
    private FakeBotConnector _connector = null!;

    /// <summary>HTTPS, as in production: the privacy centre's cookies are Secure, and its antiforgery refuses plain HTTP.</summary>
    private string BaseUrl => $"https://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(_inbox.Settings()) { ["PrivacyCentre:PublicBaseUrl"] = BaseUrl + "/" };
        _app = new ChatCrmApp(_database, settings);
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port, listen => listen.UseHttps(_certificate)));
        _app.StartServer();
        _connector = await FakeBotConnector.StartAsync();
        await _app.WithDatabaseAsync(async db =>
        {
            var tom = await db.AddRepAsync(Tom, locale: "en-GB");
            await db.AddUserAsync(Olga, UserRole.PrivacyOfficer, "Legal", locale: "en-GB");
            await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
            await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware Inc.", "US", email: Email, owner: tom);
        });
    }

    public async Task DisposeAsync()
    {
        var violations = _connector.Violations;
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        _certificate.Dispose();
        Assert.Empty(violations);
        await _inbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Chromium_KeyboardOnly_SignInWithdrawMarketingEmailAskForErasure_OfficerErasesAndThePageShowsItDone()
    {
        var rep = Chat(Tom);
        (await rep.SendAsync($"offers {Email}")).ShouldSay("Analytics Suite", "no objection to marketing by e-mail on record");
        Assert.True(File.Exists(Chromium), "Debian's chromium is needed (./test.sh installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // A phone-sized window; the loopback server's certificate is made up by this test, so the browser is told to accept it.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IgnoreHTTPSErrors = true });
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                policyViolations.Add(message.Text);
        };

        await page.GotoAsync($"{BaseUrl}/privacy-centre?lang=en");
        await page.GetByLabel("Your e-mail address").FillAsync(Email);
        await page.Keyboard.PressAsync("Enter");
        // The answer is a page of its own: wait for it (the old page's heading is still there until it arrives).
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your e-mail", new() { Timeout = 30_000 });

        var link = LinkInMail().Match((await _inbox.NextAsync()).TextBody ?? string.Empty).Value;
        Assert.StartsWith(BaseUrl, link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{BaseUrl}/privacy-centre/me");
        Assert.Equal("Your data, Jennifer Walsh", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Withdraw: marketing by e-mail" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{BaseUrl}/privacy-centre/me?done=consent");
        Assert.Contains("Your consent was changed", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Allow: marketing by e-mail" }).CountAsync());

        var withdrawn = await _app.WithDatabaseAsync(db => db.ConsentRecords.SingleAsync());
        Assert.Equal((ConsentPurpose.Marketing, ContactChannel.Email, false), (withdrawn.Purpose, withdrawn.Channel, withdrawn.Granted));
        (await rep.SendAsync($"offers {Email}")).ShouldSay("Held back", "withdrew consent to marketing by e-mail");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ask for erasure" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{BaseUrl}/privacy-centre/me?done=erasure");
        Assert.Contains("is waiting for our privacy officer", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var officer = Chat(Olga);
        (await officer.SendAsync("erasures")).ShouldSay("Erasure requests waiting", "Jennifer Walsh");
        await officer.PressAsync("Erase Jennifer Walsh");
        (await officer.PressAsync("Erase for good")).ShouldSay("Jennifer Walsh has been erased");

        // Erasure ended the session: the page falls back to the sign-in page, which says the erasure is done.
        await page.GotoAsync($"{BaseUrl}/privacy-centre/me");
        await page.WaitForURLAsync(new Regex(@"/privacy-centre(\?.*)?$"));
        Assert.Equal("Your data has been erased", await page.Locator(".notice h2").InnerTextAsync());
        Assert.Empty(policyViolations);
    }

    /// <summary>Teams through the same HTTPS listener the browser uses, trusting this test's own certificate and no other.</summary>
    private TeamsChat Chat(TeamsUser user)
    {
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == _certificate.Thumbprint };
        var http = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        return new TeamsChat(http, _connector, user, $"a:{Guid.NewGuid():N}", "en-GB", "personal");
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https://127\.0\.0\.1:\d+/privacy-centre/open/[A-Za-z0-9_\-]+")]
    private static partial Regex LinkInMail();
}
