using System.Text.Json.Nodes;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// The charts in Slack: Block Kit image blocks at the signed https addresses, each with its alt_text (checked by the
/// fake Slack too); and when Slack cannot download them and refuses the message, the same message again with the alt
/// texts instead, so the "kpis" answer and the digest still arrive.
/// </summary>
public sealed class SlackKpiChartTests : SlackTestBase
{
    private static readonly SlackUser Jorge = new("T0ACME", "U0JORGE", "jorge");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = "https://chatcrm.example" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, UserRole.Manager, "Dirección", locale: "es-ES");
        var jorge = await AddSlackUserAsync(db, Jorge, UserRole.SalesRep, "Iberia");
        jorge.ReportTo(lucia.Id);
        await db.SaveChangesAsync();
        await db.AddBookAsync(jorge);
    }

    [Fact]
    public async Task Kpis_ManagerInSpanish_GetsImageBlocksWithAltText()
    {
        await Client().CommandAsync("indicadores");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        var images = Images(reply);
        Assert.Equal(3, images.Count);
        Assert.All(images, i => Assert.Matches("^https://chatcrm\\.example/charts/[A-Za-z0-9_-]+\\.png$", (string?)i["image_url"]));
        Assert.Equal("Gráfico: Interacciones por comercial. jorge 3.", (string?)images[1]["alt_text"]);
        Assert.Equal("Gráfico: Interacciones por canal. Teléfono 2, Correo 1.", (string?)images[2]["alt_text"]);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Kpis_SlackCannotFetchTheImages_GetsTheFiguresAsText()
    {
        Slack.ImagesUnreachable = true;

        await Client().CommandAsync("indicadores");

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal(3, Images(calls[0]).Count);
        Assert.Empty(Images(calls[1]));
        Assert.Contains("Gráfico: Interacciones por comercial. jorge 3.", calls[1].Text, StringComparison.Ordinal);
        Assert.Contains("Seguimientos vencidos", calls[1].Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Dispatch_SlackCannotFetchTheImages_DeliversTheDigestWithTheFiguresAsText()
    {
        Slack.ImagesUnreachable = true;
        await App.WithDatabaseAsync(async db =>
        {
            var lucia = await db.Users.SingleAsync(u => u.Role == UserRole.Manager);
            var madridNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, lucia.ResolveTimeZone());
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(madridNow.DateTime).AddMinutes(-2), DigestChannel.Slack);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(lucia, request, DateTimeOffset.UtcNow.AddDays(-3)));
            await db.SaveChangesAsync();
        });

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None));

        var posts = Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, posts.Count);
        Assert.NotEmpty(Images(posts[0]));
        Assert.Empty(Images(posts[1]));
        Assert.Contains("Gráfico: Interacciones por semana, últimas 8 semanas.", posts[1].Text, StringComparison.Ordinal);
        Assert.Null(await App.WithDatabaseAsync(db => db.DigestDeliveries.Select(d => d.Failure).SingleAsync()));
        Assert.Empty(Slack.Violations);
    }

    private static List<JsonObject> Images(SlackCall call) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "image").ToList();
}
