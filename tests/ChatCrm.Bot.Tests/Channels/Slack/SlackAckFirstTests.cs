using ChatCrm.Bot.Inbox;
using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// The acknowledgement comes first: with the Slack work handler held at a gate, /slack/commands, /slack/interactions and
/// /slack/events all answer 200 while none of their work has run; released, the work runs and reaches the fake Web API.
/// </summary>
public sealed class SlackAckFirstTests : SlackTestBase
{
    private readonly WorkGate _gate = new();

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IInboxHandler>();
        services.AddSingleton(_gate);
        services.AddScoped<IInboxHandler>(provider => new GatedHandler(_gate, ActivatorUtilities.CreateInstance<SlackInboxHandler>(provider)));
    }

    [Fact]
    public async Task Endpoints_WorkHeldAtTheGate_AnswerFirstThenTheWorkArrives()
    {
        var client = Client();

        var command = await client.CommandAsync("find maria.nunez@acme.es");
        var interaction = await client.PressAsync(new JsonObject
        {
            ["action_id"] = "btn-0",
            ["value"] = ButtonValue.Encode("case.show", new Dictionary<string, string> { ["case"] = "C-00000000" }),
        });
        var slackEvent = await client.DirectMessageAsync("help");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (command.StatusCode, interaction.StatusCode, slackEvent.StatusCode));
        await _gate.WaitUntilHeldAsync();
        Assert.Empty(Slack.Calls);
        Assert.Equal(0, _gate.Passed);

        _gate.Open();

        var calls = await Slack.WaitForCallsAsync(3);
        Assert.Contains(calls, c => c.Method == "response_url" && c.Text.Contains("María Núñez", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Method == "response_url" && c.Text.Contains("C-00000000", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Method == "chat.postMessage");
        Assert.Equal(3, _gate.Passed);
        Assert.Empty(Slack.Violations);
    }

    /// <summary>Holds every piece of work until <see cref="Open"/>; counts what got through.</summary>
    public sealed class WorkGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _passed;

        public int Passed => Volatile.Read(ref _passed);

        public void Open() => _open.TrySetResult();

        public Task WaitUntilHeldAsync() => _held.Task.WaitAsync(TimeSpan.FromSeconds(20));

        public async Task PassAsync(CancellationToken cancellationToken)
        {
            _held.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _passed);
        }
    }

    private sealed class GatedHandler(WorkGate gate, SlackInboxHandler inner) : IInboxHandler
    {
        public string Channel => inner.Channel;

        public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
        {
            await gate.PassAsync(cancellationToken);
            await inner.HandleAsync(item, cancellationToken);
        }
    }
}
