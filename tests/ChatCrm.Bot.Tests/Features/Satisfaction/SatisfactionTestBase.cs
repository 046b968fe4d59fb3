using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ChatCrm.Bot.Tests.Features.Satisfaction;

/// <summary>
/// Satisfaction surveys through the real host: Ana (en-GB) works and resolves the case of María Núñez (Spanish, with an
/// e-mail) in Teams; Marta (es-ES) is Ana's manager. A real SMTP server in process receives the survey, a
/// cookie-keeping HTTP client plays María's browser, and the fake Bot Connector receives what is pushed to Ana and Marta.
/// </summary>
public abstract partial class SatisfactionTestBase : BotTestBase, IAsyncLifetime
{
    protected const string MariaEmail = "maria.nunez@acme.es";

    protected static readonly TeamsUser Marta = new("29:marta-csat-id", "6e5d4c3b-2a19-4f8e-9d7c-6b5a49382716", "Marta Gil");

    protected SmtpInbox Inbox { get; } = SmtpInbox.Start();

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected string Number { get; private set; } = string.Empty;

    protected Customer Maria { get; private set; } = null!;

    protected User AnaUser { get; private set; } = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Inbox.Settings())
    {
        ["PrivacyCentre:PublicBaseUrl"] = "https://localhost/",
        ["Work:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var marta = await db.AddUserAsync(Marta, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        AnaUser = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", marta, locale: "en-GB");
        Maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: MariaEmail, owner: AnaUser);
        var supportCase = SupportCase.Open(Maria.Id, "Router keeps dropping", null, CasePriority.High, null, AnaUser.Id, "Support",
            Clock.GetUtcNow().AddHours(-2), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        Number = supportCase.Number;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Inbox.DisposeAsync();
    }

    protected TeamsChat AnaChat() => App.Chat(Connector, CrmData.Ana, locale: "en-GB");

    protected TeamsChat MartaChat() => App.Chat(Connector, Marta, locale: "es-ES");

    /// <summary>Ana opens the case and resolves it from its card.</summary>
    protected async Task ResolveAsync(TeamsChat ana)
    {
        ArgumentNullException.ThrowIfNull(ana);
        await ana.SendAsync($"case {Number}");
        (await ana.PressAsync("Resolve", ("note", "Replaced the router"))).ShouldSay("resolved");
    }

    /// <summary>The path of the survey link in a message the bot e-mailed.</summary>
    protected static string LinkPath(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinkInMail().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "The e-mail carries no survey link.");
        return match.Groups[1].Value;
    }

    protected static string TokenOf(string linkPath) => linkPath[(linkPath.LastIndexOf('/') + 1)..];

    protected List<CapturedActivity> PushedTo(TeamsChat chat, string fragment) =>
        [.. Connector.Activities.Where(a => a.ConversationId == chat.ConversationId && a.Text.Contains(fragment, StringComparison.Ordinal))];

    [GeneratedRegex(@"https://localhost(/satisfaction/[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkInMail();
}
