using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// The real bot host (Program), in memory, on a real database, replying to a fake Bot Connector on loopback.
/// Settings override appsettings the way an operator's configuration would.
/// </summary>
public sealed class ChatCrmApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    public ChatCrmApp(CrmTestDatabase database, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        ArgumentNullException.ThrowIfNull(database);
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:SeedEmptyDatabase"] = "false",
            // A turn in a test never takes long enough to show typing, unless a test asks for it.
            ["Conversation:TypingIndicatorDelay"] = "01:00:00",
            // Production tests are about other things; the key ring's own tests say what they need.
            ["DataProtection:AllowUnprotectedKeys"] = "true",
            // Transcripts send many turns quickly; the turn limit has tests of its own.
            ["Conversation:TurnsPerUser"] = "0",
            // The scheduled scans push on their own (due digests at second 0 of every minute, SLA alerts at second 30):
            // one landing in a test that arranges a due digest or a case near its SLA doubled what the test counts.
            // Tests run the jobs themselves; the scheduler's own tests turn it on (SchedulerOn).
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    /// <summary>The setting a test about the scheduler itself gives its host: Quartz running with the app's own schedule.</summary>
    public static Dictionary<string, string?> SchedulerOn => new() { ["Scheduling:Enabled"] = "true" };

    /// <summary>Replaces or adds services after the app's own (a test's gate or probe, an outside service's stand-in); null leaves the host as it is.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        // Also as host settings, which Program sees while it registers services (the job store is chosen then).
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (TestServices is { } configure)
            builder.ConfigureTestServices(configure);
    }

    /// <summary>Runs <paramref name="work"/> against the app's own database, in a scope of its own.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<CrmDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    public Task WithDatabaseAsync(Func<CrmDbContext, Task> work) =>
        WithDatabaseAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <param name="locale">The locale the user's Teams client sends (English unless a test speaks Spanish).</param>
    /// <param name="conversationType">personal (a 1:1 chat), groupChat or channel.</param>
    public TeamsChat Chat(FakeBotConnector connector, TeamsUser user, string? conversationId = null, string locale = TeamsActivities.DefaultLocale,
        string conversationType = "personal") =>
        new(CreateClient(), connector, user, conversationId ?? $"a:{Guid.NewGuid():N}", locale, conversationType);
}
