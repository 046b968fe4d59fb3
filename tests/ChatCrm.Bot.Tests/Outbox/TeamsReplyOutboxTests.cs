using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>
/// Teams replies go through the outbox too: a reply the connector keeps refusing with 503 past the HTTP client's own
/// retries is delivered afterwards by the outbox worker, once; a reply in a personal chat is stored delivered.
/// </summary>
public sealed class TeamsReplyOutboxTests : BotTestBase
{
    /// <summary>The first attempt and the connector client's three retries of a 503.</summary>
    private const int FailedSendsOfTheFirstAttempt = 4;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.200" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
    }

    [Fact]
    public async Task Message_ConnectorUnavailableForTheFirstAttempt_IsDeliveredOnceByTheOutboxWorker()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        for (var send = 0; send < FailedSendsOfTheFirstAttempt; send++)
            Connector.NextStatuses.Enqueue(503);

        var turn = await chat.SendAsync("last maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        var message = await WaitForDeliveredAsync();
        var delivered = Connector.Activities.Where(a => a.Type == "message" && a.Text.Contains("Last conversation with María Núñez", StringComparison.Ordinal)).ToList();
        Assert.Equal(FailedSendsOfTheFirstAttempt + 1, delivered.Count); // the fake records refused sends too: four refused, one accepted
        Assert.Equal(2, message.Attempts);
        Assert.Contains("503", message.LastError, StringComparison.Ordinal);
        Assert.Equal("teams", message.Channel);
    }

    [Fact]
    public async Task Message_ConnectorAccepts_IsStoredDeliveredWithItsBodyForgotten()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("Last conversation with María Núñez");

        var stored = await App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var message = Assert.Single(stored);
        Assert.Equal((OutboxStatus.Delivered, 1, (string?)null), (message.Status, message.Attempts, message.Body));
    }

    private async Task<OutboxMessage> WaitForDeliveredAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = await App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Status == OutboxStatus.Delivered));
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the reply was never delivered");
            await Task.Delay(100);
        }
    }
}
