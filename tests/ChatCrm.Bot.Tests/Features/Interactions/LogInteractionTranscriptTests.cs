using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>The "log" dialog as a salesperson has it in Teams, typed and with card buttons.</summary>
public sealed class LogInteractionTranscriptTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        await db.AddCustomerAsync("John Smith", "Contoso", "GB", email: "john@contoso.co.uk", owner: ana);
    }

    [Fact]
    public async Task Log_TypedAnswers_StoresTheInteraction()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var todayBefore = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, madrid).DateTime);

        (await chat.SendAsync("log")).ShouldSay("Which customer?");
        (await chat.SendAsync("nunez")).ShouldSay("María Núñez", "What kind of contact");
        (await chat.SendAsync("llamada")).ShouldSay("What was it about?");
        (await chat.SendAsync("Wants 20 more licences before year end")).ShouldSay("How did it end?");
        (await chat.SendAsync("Will send a quote on Monday")).ShouldSay("follow-up");
        (await chat.SendAsync("in 3 days")).ShouldSay("Interaction logged", "Wants 20 more licences", "Call", "Phone");

        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(InteractionKind.Call, stored.Kind);
        Assert.Equal(InteractionChannel.Phone, stored.Channel);
        Assert.Equal("Wants 20 more licences before year end", stored.Summary);
        Assert.Equal("Will send a quote on Monday", stored.Outcome);
        // "in 3 days" counts from today on Ana's calendar (Europe/Madrid), whichever side of midnight the test ran.
        var todayAfter = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, madrid).DateTime);
        Assert.Contains(stored.FollowUpOn, new DateOnly?[] { todayBefore.AddDays(3), todayAfter.AddDays(3) });
        Assert.Empty(Connector.Violations);
    }

    [Fact]
    public async Task Log_WithCardButtonsAndInputs_StoresTheInteraction()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("log maria.nunez@acme.es")).ShouldSay("What kind of contact");
        (await chat.PressAsync("Meeting")).ShouldSay("What was it about?");
        (await chat.PressAsync("Next", ("summary", "Quarterly review with the buying team"))).ShouldSay("How did it end?");
        (await chat.PressAsync("Skip")).ShouldSay("follow-up");
        (await chat.PressAsync("Save", ("followUp", "2099-01-15"))).ShouldSay("Interaction logged", "2099-01-15");

        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(InteractionKind.Meeting, stored.Kind);
        Assert.Null(stored.Outcome);
        Assert.Equal(new DateOnly(2099, 1, 15), stored.FollowUpOn);
    }

    [Fact]
    public async Task Log_PressOnAnEarlierStepsCard_IsNotTakenAsTheAnswer()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log John Smith");
        await chat.SendAsync("call");
        await chat.SendAsync("Asked about pricing");
        var outcomeCard = chat.LastCard!;

        (await chat.PressOnAsync(outcomeCard, "Next", ("outcome", "Will call back"))).ShouldSay("follow-up");
        (await chat.PressOnAsync(outcomeCard, "Skip")).ShouldSay("from an earlier step", "follow-up");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
        (await chat.SendAsync("no")).ShouldSay("Interaction logged", "Will call back");
    }

    [Fact]
    public async Task Log_CancelAtAnyStep_StoresNothing()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.SendAsync("log María Núñez");
        await chat.SendAsync("visit");
        (await chat.SendAsync("cancel")).ShouldSay("Cancelled");
        (await chat.SendAsync("cancel")).ShouldSay("nothing to cancel");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DialogStates.CountAsync()));
    }

    [Fact]
    public async Task Log_HelpMidDialog_ShowsHelpAndKeepsTheStep()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.SendAsync("log John Smith");
        (await chat.SendAsync("help")).ShouldSay("log [customer]", "last <customer>");
        (await chat.SendAsync("email")).ShouldSay("What was it about?");
    }

    [Fact]
    public async Task Log_OversizedSummary_IsRefusedWithTheLimitAndTheDialogWaits()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log John Smith");
        await chat.SendAsync("chat");

        (await chat.SendAsync(new string('x', Interaction.MaxSummaryLength + 1))).ShouldSay("4,001 characters", "the limit is 4,000");
        (await chat.SendAsync("Short summary")).ShouldSay("How did it end?");
    }

    [Fact]
    public async Task Log_UnreadableKindOrDate_AsksAgainWithoutLosingTheAnswersSoFar()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log John Smith");

        (await chat.SendAsync("carrier pigeon")).ShouldSay("call, visit, meeting, email or chat");
        await chat.SendAsync("call");
        await chat.SendAsync("Asked about pricing");
        await chat.SendAsync("skip");
        (await chat.SendAsync("sometime soon")).ShouldSay("couldn't read that date");
        (await chat.SendAsync("no")).ShouldSay("Interaction logged", "Asked about pricing");

        var stored = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Null(stored.FollowUpOn);
    }

    [Fact]
    public async Task Log_AbandonedLongerThanTheTimeout_IsDroppedAndTheNextMessageReadAsACommand()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Conversation:DialogTimeout"] = "00:00:00" });
        var chat = app.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("log John Smith")).ShouldSay("What kind of contact");
        (await chat.SendAsync("last John Smith")).ShouldSay("unfinished \"log\" with John Smith was dropped", "Last conversation with John Smith");

        Assert.Equal(0, await app.WithDatabaseAsync(db => db.DialogStates.CountAsync()));
    }

    [Fact]
    public async Task Log_TwoPeopleInOneConversation_KeepSeparateDialogs()
    {
        var luis = new TeamsUser("29:luis-chat-id", "5d0c1f7a-0000-4000-8000-00000000000b", "Luis Peña");
        await App.WithDatabaseAsync(db => db.AddRepAsync(luis));
        var conversation = $"19:{Guid.NewGuid():N}@thread.v2";
        var ana = App.Chat(Connector, CrmData.Ana, conversation);
        var luisChat = App.Chat(Connector, luis, conversation);

        await ana.SendAsync("log John Smith");
        (await luisChat.SendAsync("call")).ShouldSay("didn't understand");
        (await ana.SendAsync("call")).ShouldSay("What was it about?");
    }
}
