using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>
/// A person who types faster than the bot answers loses nothing: the lines of one conversation are handled one after
/// another in the order they arrived, each on the state the one before left, and the answers come back in that order.
/// (Before, every line that arrived while the previous one was running was refused with "send it again".)
/// </summary>
public sealed class TurnOrderTests : BotTestBase
{
    private static readonly TeamsUser Rocio = new("29:rocio-order", "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e", "Rocío Vidal");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var rocio = await db.AddRepAsync(Rocio);
        await db.AddCustomerAsync("Teresa Blanco", "Blanco Logística", email: "teresa@blanco.es", owner: rocio);
    }

    [Fact]
    public async Task LogDialog_AllLinesSentWithoutWaitingForAnswers_EachHandledInOrderAndOneInteractionStored()
    {
        var chat = App.Chat(Connector, Rocio);
        var gate = App.Services.GetRequiredService<Bot.Conversations.ConversationTurnGate>();
        string[] lines = ["log", "teresa@blanco.es", "call", "Renewal of the fleet contract", "Sends the signed order on Friday", "no"];

        // Each line is sent once the one before has reached the bot, long before its answer: the arrival order is the typing order.
        var sending = new List<Task<Turn>>();
        foreach (var line in lines)
        {
            var arrived = gate.Arrived;
            sending.Add(chat.SendAsync(line));
            for (var waited = 0; gate.Arrived == arrived; waited++)
            {
                Assert.True(waited < 1000, $"\"{line}\" never reached the conversation's queue");
                await Task.Delay(5);
            }
        }
        var turns = await Task.WhenAll(sending);

        Assert.All(turns, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        var replies = Connector.Activities.Where(a => a.ConversationId == chat.ConversationId && a.Type == "message").Select(a => a.Text ?? string.Empty).ToList();
        string[] expected = ["Which customer?", "What kind of contact", "What was it about?", "How did it end?", "follow-up", "Interaction logged"];
        Assert.Equal(expected.Length, replies.Count);
        for (var turn = 0; turn < expected.Length; turn++)
            Assert.Contains(expected[turn], replies[turn], StringComparison.Ordinal);
        var stored = Assert.Single(await App.WithDatabaseAsync(db => db.Interactions.ToListAsync()));
        Assert.Equal(("Renewal of the fleet contract", "Sends the signed order on Friday"), (stored.Summary, stored.Outcome));
    }

    [Fact]
    public async Task ManyConversations_AtOnce_AreNotHeldUpByEachOtherAndLeaveNoLaneBehind()
    {
        var chats = Enumerable.Range(0, 8).Select(_ => App.Chat(Connector, Rocio)).ToList();

        var turns = await Task.WhenAll(chats.Select(c => c.SendAsync("find teresa")));

        Assert.All(turns, t => t.ShouldSay("Teresa Blanco"));
        Assert.Equal(0, App.Services.GetRequiredService<Bot.Conversations.ConversationTurnGate>().BusyConversations);
    }
}
