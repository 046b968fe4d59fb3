using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>The manager's digest in Slack: set with /crm, delivered into the manager's DM with the bot.</summary>
public sealed class SlackDigestTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, UserRole.Manager, "Dirección", locale: "es-ES");
        var rep = new User(UserId.New(), "Jorge Paz", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        rep.ReportTo(lucia.Id);
        db.Users.Add(rep);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Digest_SlashCommand_StoresTheSettingWithSlackAsTheDefaultChannel()
    {
        await Client().CommandAsync("resumen diario 07:30");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("cada día a las 07:30 (Europe/Madrid) en Slack", reply.Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.DigestSubscriptions.SingleAsync());
        Assert.Equal((DigestFrequency.Daily, new TimeOnly(7, 30), DigestChannel.Slack), (stored.Frequency, stored.LocalTime, stored.Channel));
    }

    [Fact]
    public async Task Dispatch_DueDigest_OpensTheDirectMessageAndPostsTheDigestOnce()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var lucia = await db.Users.SingleAsync(u => u.Role == UserRole.Manager);
            var madridNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, lucia.ResolveTimeZone());
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(madridNow.DateTime).AddMinutes(-2), DigestChannel.Slack);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(lucia, request, DateTimeOffset.UtcNow.AddDays(-3)));
            await db.SaveChangesAsync();
        });

        await DispatchAsync();
        await DispatchAsync();

        var calls = Slack.Calls;
        var open = Assert.Single(calls, c => c.Method == "conversations.open");
        Assert.Equal(Lucia.UserId, (string?)open.Body["users"]);
        var post = Assert.Single(calls, c => c.Method == "chat.postMessage");
        Assert.Equal("D" + Lucia.UserId, (string?)post.Body["channel"]);
        Assert.Contains("Resumen de tu equipo", post.Text, StringComparison.Ordinal);
        Assert.Contains("Jorge Paz", post.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);
    }
}
