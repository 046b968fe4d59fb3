using System.Net;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Providers;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// Slack gets its acknowledgement whatever the database does: with every database command stuck at a gate, events and
/// commands are still answered 200 (the ack budget is spent, the inbox write goes on in the background); once the
/// database answers again the work is done exactly once, a retry meanwhile included. If the database never comes back,
/// the user of a command is told to try again.
/// </summary>
public sealed class SlackSlowDatabaseTests : SlackTestBase
{
    private readonly DatabaseGate _gate = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00.300" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteCrmDbContext>((_, builder) => builder.AddInterceptors(_gate));

    [Fact]
    public async Task Event_DatabaseStuck_IsAcknowledgedAndProcessedOnceAfterwards()
    {
        var client = Client();
        var eventId = $"Ev{Guid.NewGuid():N}";
        _gate.Close();

        var first = await client.DirectMessageAsync("help", eventId);
        var retry = await client.DirectMessageAsync("help", eventId, retryNumber: 1);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.True(_gate.Held > 0); // the write really was stuck when the ack came back
        Assert.Empty(Slack.Calls);

        _gate.Open();

        var reply = Assert.Single(await Slack.WaitForCallsAsync(1));
        Assert.Equal("chat.postMessage", reply.Method);
        var item = await WaitUntilDoneAsync($"event:{eventId}");
        Assert.Equal(1, item.Attempts);
        Assert.Single(Slack.Calls); // done once: no second reply can follow
    }

    [Fact]
    public async Task Command_DatabaseStuck_IsAcknowledgedAndAnsweredOnceAfterwards()
    {
        _gate.Close();

        var response = await Client().CommandAsync("find maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_gate.Held > 0);

        _gate.Open();

        var reply = Assert.Single(await Slack.WaitForCallsAsync(1));
        Assert.Equal("response_url", reply.Method);
        Assert.Contains("María Núñez", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Command_DatabaseDownAfterTheAck_UserIsToldToTryAgainInBothLanguages()
    {
        _gate.Close();

        var response = await Client().CommandAsync("find maria.nunez@acme.es");
        _gate.Fail(); // the stuck write, and its retries, fail

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = Assert.Single(await Slack.WaitForCallsAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("response_url", told.Method);
        Assert.Contains("please try again", told.Text, StringComparison.Ordinal);
        Assert.Contains("inténtalo de nuevo", told.Text, StringComparison.Ordinal);
        _gate.Open();
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync())); // nothing half-stored to be done later
    }

    [Fact]
    public async Task DatabaseDelay_OutsideDevelopment_StopsStartUp()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Diagnostics:DatabaseDelayMs"] = "500" }, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Diagnostics:DatabaseDelayMs", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseDelay_InDevelopment_JoinsTheDatabaseContext()
    {
        await using var slowed = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Diagnostics:DatabaseDelayMs"] = "1" });
        await using var plain = new ChatCrmApp(Database);

        bool Delays(ChatCrmApp app)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
            return core?.Interceptors?.OfType<DatabaseDelayInterceptor>().Any() == true;
        }

        Assert.True(Delays(slowed));
        Assert.False(Delays(plain));
    }

    private async Task<InboxItem> WaitUntilDoneAsync(string dedupKey)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var item = await App.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().SingleOrDefaultAsync(i => i.DedupKey == dedupKey));
            if (item?.Status == InboxStatus.Done)
                return item;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The inbox item {dedupKey} was never done.");
    }
}
