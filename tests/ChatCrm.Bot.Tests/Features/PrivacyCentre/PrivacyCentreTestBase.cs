using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>
/// The privacy centre through the real host: a real SMTP server in process receives the links, a cookie-keeping HTTP
/// client plays the customer's browser, and Teams JSON over HTTP plays the reps. Tom (en-GB) owns Jennifer Walsh (US)
/// and Begoña Ibáñez (ES, marketing by e-mail granted); Pedro is a rep of another team.
/// </summary>
public abstract partial class PrivacyCentreTestBase : BotTestBase, IAsyncLifetime
{
    protected const string JenniferEmail = "jwalsh@walshhardware.com";
    protected const string BegonaEmail = "begona@oyc.es";

    protected static readonly TeamsUser Tom = new("29:tom-chat-id", "5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "Tom Baker");
    protected static readonly TeamsUser Pedro = new("29:pedro-chat-id", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "Pedro Ruiz");

    protected SmtpInbox Inbox { get; } = SmtpInbox.Start();

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected CustomerId Jennifer { get; private set; }

    protected CustomerId Begona { get; private set; }

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Inbox.Settings())
    {
        ["PrivacyCentre:PublicBaseUrl"] = "https://localhost/",
        ["PrivacyCentre:LinkRequestsPerAddressPerHour"] = "2",
        ["PrivacyCentre:LinkRequestsPerIpPerMinute"] = "5",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var tom = await db.AddRepAsync(Tom, locale: "en-GB");
        await db.AddUserAsync(Pedro, UserRole.SalesRep, "Andes");
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        var jennifer = await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware Inc.", "US", email: JenniferEmail, owner: tom);
        await db.AddOrderAsync(jennifer, "HW-DRILL-PRO", 1250m);
        var begona = await db.AddCustomerAsync("Begoña Ibáñez", "Ordóñez y Castañeda S.L.", "ES", email: BegonaEmail, owner: tom);
        await db.GrantAsync(begona, ConsentPurpose.Marketing, ContactChannel.Email);
        (Jennifer, Begona) = (jennifer.Id, begona.Id);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Inbox.DisposeAsync();
    }

    protected TeamsChat TomChat() => App.Chat(Connector, Tom, locale: "en-GB");

    protected PrivacyCentreBrowser Browser() => new(App);

    /// <summary>The path of the sign-in link in a message the bot e-mailed.</summary>
    protected static string LinkPath(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinkInMail().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "The e-mail carries no privacy centre link.");
        return match.Groups[1].Value;
    }

    /// <summary>Asks for a link on the page, reads it from the e-mail, opens it and continues: the browser is signed in.</summary>
    protected async Task<PrivacyCentreBrowser> SignInAsync(string email, string lang = "en")
    {
        var browser = Browser();
        await browser.GetAsync($"/privacy-centre?lang={lang}");
        await browser.PostAsync("/privacy-centre/link", ("email", email));
        var message = await Inbox.NextAsync();
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        await browser.GetAsync(LinkPath(message));
        var opened = await browser.PostAsync("/privacy-centre/open", ("token", TokenOf(LinkPath(message))));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, opened.Status);
        Assert.Equal("/privacy-centre/me", opened.Response.Headers.Location?.OriginalString);
        return browser;
    }

    protected static string TokenOf(string linkPath) => linkPath[(linkPath.LastIndexOf('/') + 1)..];

    [GeneratedRegex(@"https://localhost(/privacy-centre/open/[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkInMail();
}
