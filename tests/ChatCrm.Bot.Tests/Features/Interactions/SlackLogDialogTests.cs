using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// "/crm log" in Slack when the modal cannot be opened (Slack refused <c>views.open</c>): the same dialog as in Teams,
/// its cards as Block Kit, inputs coming back through <c>state.values</c>.
/// </summary>
public sealed class SlackLogDialogTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, locale: "es-ES");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
    }

    private static JsonObject Button(SlackCall call, string title) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .First(b => (string?)b["text"]?["text"] == title);

    [Fact]
    public async Task Log_ModalRefusedThenButtonsAndInputs_StoresTheInteractionOnce()
    {
        var client = Client();
        Slack.NextStatuses.Enqueue(400); // views.open refused: the chat dialog takes over

        await client.CommandAsync("log maria.nunez@acme.es");
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal("views.open", calls[0].Method);
        var kind = calls[1];
        Assert.Equal("response_url", kind.Method);
        // Lucía's ChatCrm locale is es-ES (Slack sends none): the dialog speaks Spanish.
        await client.PressAsync(Button(kind, "Llamada"));
        var summary = (await Slack.WaitForCallsAsync(3))[2];
        Assert.Contains(summary.Blocks, b => (string?)b?["type"] == "input" && (string?)b["block_id"] == "summary");
        await client.PressAsync(Button(summary, "Siguiente"), new Dictionary<string, string> { ["summary"] = "Talked about renewal & <pricing>" });
        var outcome = (await Slack.WaitForCallsAsync(4))[3];
        await client.PressAsync(Button(outcome, "Omitir"));
        var followUp = (await Slack.WaitForCallsAsync(5))[4];
        await client.PressAsync(Button(followUp, "Sin seguimiento"));
        var logged = (await Slack.WaitForCallsAsync(6))[5];

        Assert.Contains("&lt;pricing&gt;", logged.Text, StringComparison.Ordinal);
        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal("Talked about renewal & <pricing>", stored.Summary);
        Assert.Equal(ChatCrm.Domain.Interactions.InteractionKind.Call, stored.Kind);
        Assert.Empty(Slack.Violations);
    }
}
