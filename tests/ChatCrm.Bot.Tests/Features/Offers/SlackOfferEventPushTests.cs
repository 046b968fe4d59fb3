using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>Events reach the rep in Slack: an owner linked only in Slack gets the pushed card as one direct message.</summary>
public sealed class SlackOfferEventPushTests : SlackTestBase
{
    /// <summary>No quiet hours: the test runs on the real clock, whatever the hour in Madrid.</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Outreach:QuietHoursStart"] = "00:00:00",
        ["Outreach:QuietHoursEnd"] = "00:00:00",
    };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, locale: "en-US");
        await OfferEventScenario.ArrangeAsync(db, lucia);
    }

    [Fact]
    public async Task RecordOrder_SlackOnlyOwner_PostsTheCardOnceInTheirDirectMessage()
    {
        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(DateTimeOffset.UtcNow.AddHours(-1)));

        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Any(i => i.Status == InboxStatus.Done), "the push");
        // The card leaves through the outbox after the item is done; once nothing waits there, a second post would be a double.
        await Eventually.WaitUntilAsync(() => App.WithDatabaseAsync(db => db.OutboxMessages.AllAsync(m => m.Status != OutboxStatus.Pending)), "the card to be sent");
        await Task.Delay(500);

        var post = Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage");
        Assert.Equal("D" + Lucia.UserId, (string?)post.Body["channel"]);
        Assert.Contains("Large deposit: 25,000.00 EUR on", post.Text, StringComparison.Ordinal);
        Assert.Contains(OfferEventScenario.FundName, post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OfferEventScenario.CardName, post.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PushedOfferEvent && a.Channel == "Slack")));
        Assert.Empty(Slack.Violations);
    }
}
