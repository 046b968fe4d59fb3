using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// The set-up of a Slack test: a SQLite file of the test's own, a fake Slack on loopback, and the bot host with
/// Slack enabled, signed with <see cref="SigningSecret"/> and talking to the fake with its bot token.
/// </summary>
public abstract class SlackTestBase : IAsyncLifetime
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static readonly SlackUser Lucia = new("T0ACME", "U0LUCIA", "lucia");

    public static readonly SlackUser Pilar = new("T0ACME", "U0PILAR", "pilar");

    protected SqliteTestDatabase Database { get; } = SqliteTestDatabase.MigratedFile();

    protected FakeSlack Slack { get; private set; } = null!;

    protected ChatCrmApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        App = StartApp(Settings);
        await App.WithDatabaseAsync(ArrangeAsync);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A host on this test's database and fake Slack; <paramref name="extra"/> overrides settings.</summary>
    protected ChatCrmApp StartApp(IDictionary<string, string?>? extra = null, string environment = "Development")
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Work:PollInterval"] = "00:00:00.200",
            // The test workspace and e-mail domain, allowed explicitly as an operator would: accounts are linked by e-mail only there.
            ["Slack:AllowedWorkspaces:0"] = "T0ACME",
            ["Directory:AllowedEmailDomains:0"] = "example.com",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        return new ChatCrmApp(Database, settings, environment) { TestServices = ConfigureServices };
    }

    /// <summary>Settings a test class gives its main host (none by default).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test class replaces in its hosts (none by default).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected SlackClient Client(SlackUser? user = null, ChatCrmApp? app = null) =>
        new((app ?? App).CreateClient(), Slack, SigningSecret, user ?? Lucia);

    /// <summary>The people and customers the test talks about.</summary>
    protected abstract Task ArrangeAsync(CrmDbContext db);

    /// <param name="locale">The language stored for the user: Slack sends none with a request, so the bot answers in this one.</param>
    protected static async Task<User> AddSlackUserAsync(CrmDbContext db, SlackUser slackUser, UserRole role = UserRole.SalesRep, string team = "Iberia",
        string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(slackUser);
        var user = new User(UserId.New(), slackUser.Name, role, team, "Europe/Madrid", locale);
        user.LinkSlack(slackUser.TeamId, slackUser.UserId);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }
}
