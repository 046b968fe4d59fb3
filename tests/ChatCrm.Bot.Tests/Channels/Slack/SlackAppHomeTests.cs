using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// The App Home: the agent's open cases in SLA order, their overdue follow-ups by the follow-up rule, and the Search
/// button opening a modal whose results arrive in the agent's direct message. Lucía reads Spanish, Kate English.
/// </summary>
public sealed class SlackAppHomeTests : SlackTestBase
{
    private static readonly SlackUser Kate = new("T0ACME", "U0KATE", "kate");

    private readonly List<string> _numbers = [];
    private readonly DateOnly _overdue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, UserRole.SupportAgent, "Iberia", locale: "es-ES");
        var kate = new User(UserId.New(), "Kate Moss", UserRole.SupportAgent, "Iberia", "Europe/London", "en-GB");
        kate.LinkSlack(Kate.TeamId, Kate.UserId);
        db.Users.Add(kate);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        var pedro = await db.AddCustomerAsync("Pedro Ruiz", "Beta Logística", owner: lucia);
        var then = DateTimeOffset.UtcNow.AddDays(-10);
        var overdue = _overdue;
        db.Interactions.Add(Interaction.Log(maria.Id, lucia.Id, then, then, InteractionChannel.Phone, InteractionKind.Call, "Call about the renewal", null, overdue));
        // Pedro's follow-up was kept by a newer interaction: it is not open any more.
        db.Interactions.Add(Interaction.Log(pedro.Id, lucia.Id, then, then, InteractionChannel.Phone, InteractionKind.Call, "Quote sent", null, overdue));
        db.Interactions.Add(Interaction.Log(pedro.Id, lucia.Id, then.AddDays(8), then.AddDays(8), InteractionChannel.Visit, InteractionKind.Visit, "Signed", null, null));
        foreach (var (title, openedHoursAgo) in new[] { ("Factura duplicada", 1), ("Impresora sin conexión", 100) })
        {
            var supportCase = SupportCase.Open(maria.Id, title, null, CasePriority.Normal, null, lucia.Id, "Iberia",
                DateTimeOffset.UtcNow.AddHours(-openedHoursAgo), SlaTable.Default);
            db.SupportCases.Add(supportCase);
            _numbers.Add(supportCase.Number);
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task HomeOpened_ShowsOpenCasesBySlaAndOpenOverdueFollowUpsOnly()
    {
        await Client().EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = Lucia.UserId, ["channel"] = "D0X", ["tab"] = "home" });

        var home = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal("views.publish", home.Method);
        var text = home.Text;
        Assert.Contains("Tus casos abiertos", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Impresora sin conexión", StringComparison.Ordinal) < text.IndexOf("Factura duplicada", StringComparison.Ordinal),
            "the overdue case comes first");
        Assert.Contains("vencido hace", text, StringComparison.Ordinal);
        Assert.Contains("Call about the renewal", text, StringComparison.Ordinal);
        var madridToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);
        Assert.Contains($"{madridToday.DayNumber - _overdue.DayNumber} días de retraso", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quote sent", text, StringComparison.Ordinal);
        Assert.Contains(_numbers[1], text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
        Assert.Equal([AuditAction.ListedInCaseQueue, AuditAction.ListedInFollowUps],
            (await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync())).Select(a => a.Action).Order());
    }

    [Fact]
    public async Task HomeOpened_English_HasNoCasesOfOthers()
    {
        await Client(Kate).EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = Kate.UserId, ["channel"] = "D0Y", ["tab"] = "home" });

        var home = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("No active cases assigned to you.", home.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing overdue", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Factura duplicada", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchButton_OpensTheModal_AndASubmittedQueryIsAnsweredInTheDm()
    {
        var client = Client(Kate);
        await client.EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = Kate.UserId, ["channel"] = "D0Y", ["tab"] = "home" });
        var home = (await Slack.WaitForCallsAsync(1)).Single();
        var search = home.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).Single(b => (string?)b["text"]?["text"] == "Search customers");

        var press = await client.PressAsync(search, triggerId: "321.654.search");

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var open = Slack.Calls.Single(c => c.Method == "views.open");
        Assert.Equal(("321.654.search", "chatcrm-search"), ((string?)open.Body["trigger_id"], (string?)open.Body["view"]?["callback_id"]));

        var empty = await SubmitAsync(client, " ");
        Assert.Contains("Type a name", (await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var valid = await SubmitAsync(client, "maria.nunez@acme.es");

        Assert.Equal(string.Empty, await valid.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(4);
        Assert.Equal(["conversations.open", "chat.postMessage"], calls.Skip(2).Select(c => c.Method));
        Assert.Equal("D" + Kate.UserId, (string?)calls[3].Body["channel"]);
        Assert.Contains("María Núñez", calls[3].Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, string query) => client.InteractionAsync(new JsonObject
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = client.User.TeamId },
        ["user"] = new JsonObject { ["id"] = client.User.UserId, ["name"] = client.User.Name, ["team_id"] = client.User.TeamId },
        ["trigger_id"] = $"{Guid.NewGuid():N}",
        ["view"] = new JsonObject
        {
            ["id"] = $"V{Guid.NewGuid():N}",
            ["type"] = "modal",
            ["callback_id"] = "chatcrm-search",
            ["state"] = new JsonObject { ["values"] = new JsonObject { ["query"] = new JsonObject { ["query"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = query } } } },
        },
    });
}
