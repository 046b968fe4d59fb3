using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>The "kpis" charts in Slack: Block Kit image blocks at the signed https addresses, each with its alt_text (checked by the fake Slack too).</summary>
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
        var images = reply.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "image").ToList();
        Assert.Equal(3, images.Count);
        Assert.All(images, i => Assert.Matches("^https://chatcrm\\.example/charts/[A-Za-z0-9_-]+\\.png$", (string?)i["image_url"]));
        Assert.Equal("Gráfico: Interacciones por comercial. jorge 3.", (string?)images[1]["alt_text"]);
        Assert.Equal("Gráfico: Interacciones por canal. Teléfono 2, Correo 1.", (string?)images[2]["alt_text"]);
        Assert.Empty(Slack.Violations);
    }
}
