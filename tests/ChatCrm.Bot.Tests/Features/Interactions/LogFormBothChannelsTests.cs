using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// The log form through the real host in both channels at once: the modal <c>/crm log</c> opens in Slack and the card
/// "log form" shows in Teams have the same fields and words, and the same wrong values get the same message under the
/// same field — Slack's <c>response_action: errors</c> and the Teams card's ⚠ lines — in English and in Spanish.
/// </summary>
public sealed class LogFormBothChannelsTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await AddSlackUserAsync(db, Pilar, locale: "es-ES");
        await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
    }

    public static TheoryData<string, string> People => new() { { "en-US", "lucia" }, { "es-ES", "pilar" } };

    private SlackClient SlackFor(string slackUser) => Client(slackUser == "pilar" ? Pilar : Lucia);

    [Theory]
    [MemberData(nameof(People))]
    public async Task OpenForm_SlackModalAndTeamsCard_HaveTheSameFieldsLabelsAndChoices(string locale, string slackUser)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var chat = App.Chat(connector, CrmData.Ana, locale: locale);

        await SlackFor(slackUser).CommandAsync("log form maria.nunez@acme.es");
        await chat.SendAsync("log form maria.nunez@acme.es");

        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        // The date's default is each person's today, in their own time zone: compared without it.
        var slack = FormFields.OfModal(open.Body["view"]!.AsObject()).Select(f => f.Id == "date" ? f with { Value = null } : f).ToList();
        var teams = FormFields.OfAdaptiveCard(chat.LastCard!.Card!).Select(f => f.Id == "date" ? f with { Value = null } : f).ToList();
        Assert.Equal(7, slack.Count);
        Assert.Equal(teams, slack);
        Assert.Equal("maria.nunez@acme.es", slack[0].Value);
        Assert.InRange(((string?)open.Body["view"]?["title"]?["text"])!.Length, 1, 24);
        Assert.Equal([], Slack.Violations);
        Assert.Empty(connector.Violations);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Submit_SameWrongValues_SlackAnswersErrorsByFieldWithTheMessagesTheTeamsCardShows(string locale, string slackUser)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var chat = App.Chat(connector, CrmData.Ana, locale: locale);
        (string Field, string Value)[] wrong =
            [("customer", "zzqx nobody"), ("kind", "Call"), ("date", "2099-01-01"), ("summary", new string('s', 4_001)), ("outcome", new string('o', 1_001))];

        var slackAnswer = await SubmitAsync(SlackFor(slackUser), wrong);
        await chat.SendAsync("log form");
        await chat.ExecuteAsync(slackUser == "pilar" ? "Registrar" : "Log it", wrong);

        Assert.Equal(HttpStatusCode.OK, slackAnswer.StatusCode);
        var answer = JsonNode.Parse(await slackAnswer.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        var errors = answer["errors"]!.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!);
        Assert.Equal(["customer", "date", "outcome", "summary"], errors.Keys.Order(StringComparer.Ordinal));
        var teamsWarnings = chat.LastCard!.Card!["body"]!.AsArray().OfType<JsonObject>()
            .Select(b => (string?)b["text"]).OfType<string>().Where(t => t.StartsWith("⚠ ", StringComparison.Ordinal)).Select(t => t[2..]).ToList();
        Assert.All(errors.Values, message => Assert.Contains(message, teamsWarnings));
        Assert.Equal(errors.Count, teamsWarnings.Count);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
        Assert.Empty(connector.Violations);
    }

    /// <summary>A view_submission as Slack sends it for the rendered modal: selects as selected options, dates as selected dates.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, IEnumerable<(string Field, string Value)> values) =>
        client.SubmitViewAsync("chatcrm-log", values.Select(v => (v.Field, v.Field switch
        {
            "kind" or "channel" => SlackViewSubmission.Selected(v.Value),
            "date" or "followUp" => SlackViewSubmission.Picked(v.Value),
            _ => SlackViewSubmission.Typed(v.Value),
        })));
}
