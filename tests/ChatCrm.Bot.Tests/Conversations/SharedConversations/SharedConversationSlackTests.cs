using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Conversations.SharedConversations.SharedConversationSecrets;

namespace ChatCrm.Bot.Tests.Conversations.SharedConversations;

/// <summary>
/// Slack channels (Slack Connect ones too, which the customer may be in) and group DMs get only what every member may
/// see (ADR 0009): an @mention is answered with <c>chat.postEphemeral</c> to the asker, never a public
/// <c>chat.postMessage</c> carrying the customer's record; export and erase run only in the direct message with the bot.
/// Asserted on what the fake Slack Web API receives.
/// </summary>
public sealed class SharedConversationSlackTests : SlackTestBase
{
    private string _caseNumber = string.Empty;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await AddSlackUserAsync(db, Pilar, UserRole.PrivacyOfficer, "Data Protection");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: Email, phone: Phone, owner: lucia);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        await db.AddOrderAsync(maria, "CRM-PRO", 12_000m);
        db.Interactions.Add(Interaction.Log(maria.Id, lucia.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            Note, null, null));
        var supportCase = SupportCase.Open(maria.Id, CaseTitle, null, CasePriority.Normal, null, lucia.Id, "Iberia", CrmData.Now.AddHours(-2), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        _caseNumber = supportCase.Number;
    }

    private async Task MentionAsync(SlackUser user, string channel, string text)
    {
        using var response = await Client(user).EventAsync(new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = channel,
            ["user"] = user.UserId,
            ["text"] = "<@U0CRMBOT> " + text,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every message call that anyone in the channel can read: public posts and updates.</summary>
    private string Public => string.Join("\n", Slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update").Select(c => c.Body.ToJsonString()));

    [Theory]
    [InlineData("C0SALES", "find maria.nunez@acme.es", Email)]
    [InlineData("C0SALES", "last maria.nunez@acme.es", Note)]
    [InlineData("C0SHAREDWITHACME", "history maria.nunez@acme.es", Note)]
    [InlineData("C0SALES", "offers maria.nunez@acme.es", "María Núñez")]
    [InlineData("G0GROUPDM", "privacy maria.nunez@acme.es", "Marketing")]
    [InlineData("C0SALES", "case {0}", CaseTitle)]
    public async Task Mention_InAChannelOrGroupDm_AnsweredEphemerallyToTheAskerAndNothingPublic(string channel, string command, string privateFragment)
    {
        await MentionAsync(Lucia, channel, string.Format(System.Globalization.CultureInfo.InvariantCulture, command, _caseNumber));

        var calls = await Slack.WaitForCallsAsync(1);

        AssertNone(Public);
        var ephemeral = Assert.Single(calls, c => c.Method == "chat.postEphemeral");
        Assert.Equal((channel, Lucia.UserId), ((string?)ephemeral.Body["channel"], (string?)ephemeral.Body["user"]));
        Assert.Contains(privateFragment, ephemeral.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export maria.nunez@acme.es", "\"export\" works only in your personal chat")]
    [InlineData("erase maria.nunez@acme.es", "\"erase\" works only in your personal chat")]
    public async Task ExportOrErase_InAChannel_PoliteAnswerAndNothingExportedOrErased(string command, string answer)
    {
        await MentionAsync(Pilar, "C0SHAREDWITHACME", command);

        var reply = Assert.Single(await Slack.WaitForCallsAsync(1));

        Assert.Contains(answer, reply.Text, StringComparison.Ordinal);
        AssertNone(Public);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.ExportLinks.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.NameKey == "maria nunez")));
    }

    [Fact]
    public async Task Export_SlashCommandInAChannel_RefusedPrivatelyWithoutALink()
    {
        await Client(Pilar).CommandAsync("export maria.nunez@acme.es", channelId: "C0SALES");

        var reply = Assert.Single(await Slack.WaitForCallsAsync(1));

        Assert.Equal("ephemeral", (string?)reply.Body["response_type"]);
        Assert.Contains("works only in your personal chat", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.ExportLinks.CountAsync()));
    }

    [Fact]
    public async Task Export_DirectMessage_StillGivesTheLink()
    {
        await Client(Pilar).DirectMessageAsync("export maria.nunez@acme.es");

        var reply = Assert.Single(await Slack.WaitForCallsAsync(1));

        Assert.Equal(("chat.postMessage", "D0" + Pilar.UserId), (reply.Method, (string?)reply.Body["channel"]));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.ExportLinks.CountAsync()));
    }
}
