using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// Where Teams and Slack cannot fetch a picture — the public address is plain http, as in Development on loopback —
/// the "kpis" card shows its figures as text and carries no image at all, so nobody sees a broken picture.
/// </summary>
public sealed class KpiChartFallbackTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = "http://127.0.0.1:3978" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia");
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", carmen);
        await db.AddBookAsync(ana);
    }

    [Fact]
    public async Task Kpis_AddressNotHttps_ShowsTheFiguresAsTextWithNoImage()
    {
        var turn = (await App.Chat(Connector, Carmen).SendAsync("kpis")).ShouldSay("Your team's KPIs", "Interactions", "Ana García", "3 (Phone 2, E-mail 1)");

        var card = turn.Messages.Single().Card!;
        Assert.DoesNotContain(card["body"]!.AsArray().OfType<JsonObject>(), b => (string?)b["type"] == "Image");
        Assert.DoesNotContain("/charts/", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Chart:", turn.Text, StringComparison.Ordinal);
    }
}
