using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>
/// The reply outbox on the in-process host, against a fake Slack whose <c>response_url</c> fails on purpose: a reply whose
/// first delivery keeps failing (503, past the HTTP client's own retries) is delivered later by the outbox worker, once;
/// a reply Slack refuses for good (404, an expired <c>response_url</c>) is marked failed with the reason, never sent
/// again, and holds up nothing after it.
/// </summary>
public sealed class ReplyOutboxDeliveryTests : SlackTestBase
{
    /// <summary>The first attempt and the client's four retries of a 503.</summary>
    private const int FailedPostsOfTheFirstAttempt = 5;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        await db.AddCustomerAsync("Jaime Ortega", "Ortega Hermanos", email: "jaime@ortega.es", owner: lucia);
    }

    [Fact]
    public async Task Command_ResponseUrlUnavailableForTheFirstAttempt_IsDeliveredOnceByTheOutboxWorker()
    {
        for (var post = 0; post < FailedPostsOfTheFirstAttempt; post++)
            Slack.NextHookStatuses.Enqueue(503);

        var ack = await Client().CommandAsync("find maria.nunez@acme.es");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var message = await WaitForOutboxAsync(m => m.Status == OutboxStatus.Delivered, "the reply was never delivered");
        var posts = Slack.Calls.Where(c => c.Method == "response_url").ToList();
        Assert.Equal(FailedPostsOfTheFirstAttempt, posts.Count(c => c.Throttled));
        var delivered = Assert.Single(posts, c => !c.Throttled);
        Assert.Contains("María Núñez", delivered.Text, StringComparison.Ordinal);
        Assert.Equal(2, message.Attempts); // the turn's own attempt, then the worker's
        Assert.Contains("http_503", message.LastError, StringComparison.Ordinal);
        Assert.Null(message.Body); // forgotten once delivered: it showed a customer
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Command_ResponseUrlExpired_IsMarkedFailedNotRetriedAndTheNextReplyStillArrives()
    {
        Slack.NextHookStatuses.Enqueue(404);

        await Client().CommandAsync("find maria.nunez@acme.es");
        var refused = await WaitForOutboxAsync(m => m.Status == OutboxStatus.Failed, "the refused reply was not marked failed");
        await Client().CommandAsync("find jaime@ortega.es");
        await WaitForOutboxAsync(m => m.Status == OutboxStatus.Delivered, "the next reply of the conversation did not arrive");

        Assert.Equal(1, refused.Attempts);
        Assert.Contains("http_404", refused.LastError, StringComparison.Ordinal);
        var posts = Slack.Calls.Where(c => c.Method == "response_url").ToList();
        Assert.Equal(2, posts.Count); // the refused one once, the next one once: no retry in between or after
        Assert.True(posts[0].Throttled);
        Assert.Contains("Jaime Ortega", posts[1].Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == refused.Id));
        Assert.Equal(OutboxStatus.Failed, stored.Status); // still failed: the worker never took it back
    }

    private async Task<OutboxMessage> WaitForOutboxAsync(Func<OutboxMessage, bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var messages = await App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());
            if (messages.LastOrDefault(condition) is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                Assert.Fail(failure);
            await Task.Delay(100);
        }
    }
}
