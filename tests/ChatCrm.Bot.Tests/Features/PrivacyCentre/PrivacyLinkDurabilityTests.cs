using System.Net;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>
/// A link the sign-in page accepted is not lost with the instance that accepted it: it waits in the database, and
/// another instance (or this one restarted) e-mails it. Known and unknown addresses leave the same row, and the
/// address leaves the row once handled.
/// </summary>
public sealed class PrivacyLinkDurabilityTests : PrivacyCentreTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Work:RunWorker"] = "false" };

    [Fact]
    public async Task LinkRequest_AcceptedByAnInstanceWithoutItsWorker_IsMailedByTheNextInstance()
    {
        var browser = Browser();
        await browser.GetAsync("/privacy-centre?lang=en");
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/privacy-centre/link", ("email", JenniferEmail))).Status);
        await browser.GetAsync("/privacy-centre?lang=en");
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/privacy-centre/link", ("email", "nobody@example.com"))).Status);
        var waiting = await App.WithDatabaseAsync(db => db.InboxItems.Where(i => i.Channel == PrivacyLinkRequests.InboxChannel).ToListAsync());
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, i => Assert.Equal(InboxStatus.Pending, i.Status));

        await using var next = new ChatCrmApp(Database, new Dictionary<string, string?>(base.Settings!) { ["Work:PollInterval"] = "00:00:00.100" })
        {
            TestServices = ConfigureServices,
        };
        _ = next.Services; // starts the second instance, worker and all

        var message = await Inbox.NextAsync();
        Assert.Equal(JenniferEmail, message.To.Mailboxes.Single().Address);
        Assert.Contains("/privacy-centre/open/", LinkPath(message), StringComparison.Ordinal);
        for (var tries = 0; !await next.WithDatabaseAsync(db => db.InboxItems.Where(i => i.Channel == PrivacyLinkRequests.InboxChannel)
                 .AllAsync(i => i.Status == InboxStatus.Done && i.Payload == null)); tries++)
        {
            Assert.True(tries < 200, "the link requests were not handled");
            await Task.Delay(100);
        }
        Assert.False(Inbox.HasUnread, "one request, one e-mail: the unknown address gets none");
    }
}
