using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>A form defined as a card, rendered as a modal: fields keep their ids, and Slack's modal limits hold.</summary>
public sealed class BlockKitModalRendererTests
{
    private static readonly Card Form = new(
        "A form title that is far too long for a Slack modal",
        [
            new CardText("Context"),
            new CardTextInput("summary", "Summary", 4000, IsMultiline: true) { Placeholder = "What was it about?", Value = "Prefilled" },
            new CardChoiceInput("kind", "Kind", [new CardChoice("Call", "Call"), new CardChoice("Visit", "Visit")]) { Value = "Visit" },
            new CardDateInput("date", "Date") { Value = new DateOnly(2026, 12, 1) },
            new CardTextInput("outcome", "Outcome", 1000, IsRequired: false),
        ],
        [new CardButton("Log it", "logForm", new Dictionary<string, string>()) { SubmitsInputs = true }]);

    [Fact]
    public void Render_CardForm_IsAModalWithinSlacksLimits()
    {
        var view = BlockKitModalRenderer.Render(Form, "chatcrm-log", "state", LanguageCode.Parse("es"));

        Assert.Empty(BlockKitChecks.CheckView(view));
        Assert.Equal(("modal", "chatcrm-log", "state"), ((string?)view["type"], (string?)view["callback_id"], (string?)view["private_metadata"]));
        Assert.Equal(24, ((string?)view["title"]?["text"])!.Length);
        Assert.Equal(("Log it", "Cancelar"), ((string?)view["submit"]?["text"], (string?)view["close"]?["text"]));
    }

    [Fact]
    public void Render_Inputs_KeepTheFieldIdAsBlockAndActionId()
    {
        var blocks = BlockKitModalRenderer.Render(Form, "chatcrm-log", null, LanguageCode.Parse("en"))["blocks"]!.AsArray();

        var inputs = blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "input").ToList();
        Assert.Equal(["summary", "kind", "date", "outcome"], inputs.Select(b => (string?)b["block_id"]));
        Assert.Equal(["summary", "kind", "date", "outcome"], inputs.Select(b => (string?)b["element"]?["action_id"]));
        Assert.Equal(["plain_text_input", "static_select", "datepicker", "plain_text_input"], inputs.Select(b => (string?)b["element"]?["type"]));
        Assert.Equal("Prefilled", (string?)inputs[0]["element"]?["initial_value"]);
        Assert.Equal("Visit", (string?)inputs[1]["element"]?["initial_option"]?["value"]);
        Assert.Equal("2026-12-01", (string?)inputs[2]["element"]?["initial_date"]);
        Assert.Equal([false, false, true, true], inputs.Select(b => (bool?)b["optional"])); // a date input is optional unless it says otherwise
    }
}
