using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatCrm.Load.Fakes;
using ChatCrm.Load.Measuring;

namespace ChatCrm.Load.Mix;

/// <summary>What a mixed run sends: the mix, the people, the words they type and how long to wait for replies.</summary>
public sealed record MixPlan(MixWeights Weights, int Conversations, long? Turns, TimeSpan? Duration, int Warmup,
    IReadOnlyList<string> Customers, TimeSpan ReplyPatience, int RandomSeed, double? Rate = null)
{
    /// <summary>The time between one conversation's turns when the run is held at <see cref="Rate"/>; zero when unthrottled.</summary>
    public TimeSpan TurnInterval => Rate is > 0 and var rate ? TimeSpan.FromSeconds(Conversations / rate) : TimeSpan.Zero;
}

/// <summary>
/// Runs N simulated conversations at once, each a closed loop (its next request as soon as the previous turn ended,
/// no think time: the unthrottled rate), and measures each turn from request sent to the last reply posted to the fakes.
/// The HTTP answer alone is the Slack acknowledgement. A reply that never comes within the patience is an error.
/// </summary>
public sealed class MixRunner(HttpClient http, LoopbackFakes fakes, TeamsRequests teams, SlackRequests? slack, MixPlan plan, int? botPid = null)
{
    private long _started;
    private long _hooks;

    /// <summary>The bot's CPU time (user + system) during the measured window, when its process id is known.</summary>
    public TimeSpan? BotCpu { get; private set; }

    public async Task<(IReadOnlyList<TurnOutcome> Outcomes, TimeSpan Elapsed)> RunAsync(CancellationToken cancellationToken)
    {
        await ResetAsync(cancellationToken);
        // Warm-up: JIT, connection pools, first enrolment of each person; not counted.
        var warm = new ConcurrentBag<TurnOutcome>();
        await RunLoopsAsync(plan.Warmup, null, warm, cancellationToken);

        var outcomes = new ConcurrentBag<TurnOutcome>();
        var cpuBefore = botPid is { } before ? ProcessCpuClock.Read(before) : null;
        var clock = Stopwatch.StartNew();
        await RunLoopsAsync(plan.Turns, plan.Duration, outcomes, cancellationToken);
        clock.Stop();
        if (botPid is { } after && ProcessCpuClock.Read(after) is { } cpuAfter && cpuBefore is { } start)
            BotCpu = cpuAfter - start;
        return ([.. outcomes], clock.Elapsed);
    }

    private async Task RunLoopsAsync(long? turns, TimeSpan? duration, ConcurrentBag<TurnOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (turns is <= 0)
            return;
        Interlocked.Exchange(ref _started, 0);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } limit)
            deadline.CancelAfter(limit);
        var loops = Enumerable.Range(0, plan.Conversations).Select(async number =>
        {
            var conversation = new SimulatedConversation(number, new Random(plan.RandomSeed + number), plan.TurnInterval, plan.Conversations);
            while (!deadline.IsCancellationRequested)
            {
                var kind = plan.Weights.Pick(conversation.Random);
                if (kind == TurnKind.TeamsLog)
                {
                    if (!await LogDialogAsync(conversation, outcomes, () => Claim(turns) && !deadline.IsCancellationRequested, cancellationToken))
                        return;
                    continue;
                }
                if (!Claim(turns))
                    return;
                await conversation.PaceAsync(cancellationToken);
                outcomes.Add(await RunTurnAsync(kind, conversation, cancellationToken));
            }
        });
        await Task.WhenAll(loops);
    }

    private bool Claim(long? turns) => turns is not { } max || Interlocked.Increment(ref _started) <= max;

    /// <summary>
    /// The step-by-step "log" dialog as a person has it: "log", a customer search, a press on the first match when the
    /// bot lists several (an <c>Action.Execute</c> invoke), then kind, summary, outcome and follow-up typed; the bot
    /// confirms and stores. Each step is one <c>teams-log</c> turn. False when the run's budget ran out.
    /// </summary>
    private async Task<bool> LogDialogAsync(SimulatedConversation conversation, ConcurrentBag<TurnOutcome> outcomes, Func<bool> claim, CancellationToken cancellationToken)
    {
        var spanish = conversation.Locale.StartsWith("es", StringComparison.Ordinal);
        const string kind = TurnKind.TeamsLog;
        string[] opening = [spanish ? "registrar" : "log", Customer(conversation)];
        foreach (var text in opening)
        {
            if (!claim())
                return false;
            await conversation.PaceAsync(cancellationToken);
            outcomes.Add(await TeamsMessageAsync(kind, conversation, text, cancellationToken));
        }
        var choices = fakes.Replies.Expect("teams:" + conversation.TeamsConversationId).LastBody;
        if (ReplyReading.FirstChoice(choices) is { } choice)
        {
            if (!claim())
                return false;
            await conversation.PaceAsync(cancellationToken);
            outcomes.Add(await TeamsInvokeAsync(kind, teams.Execute(conversation, choice.Verb, choice.Data), cancellationToken));
        }
        string[] rest = spanish
            ? ["llamada", "Quiere ampliar el contrato", "Enviaré una oferta", "en 3 días"]
            : ["call", "Wants to extend the contract", "Will send a quote", "in 3 days"];
        foreach (var text in rest)
        {
            if (!claim())
                return false;
            await conversation.PaceAsync(cancellationToken);
            outcomes.Add(await TeamsMessageAsync(kind, conversation, text, cancellationToken));
        }
        return true;
    }

    /// <summary>Ends whatever dialog an earlier run left open in this conversation (not counted).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        var resets = Enumerable.Range(0, plan.Conversations).Select(async number =>
        {
            var conversation = new SimulatedConversation(number, new Random(0));
            await TeamsMessageAsync(TurnKind.TeamsHelp, conversation, "cancel", cancellationToken);
        });
        await Task.WhenAll(resets);
    }

    private string Customer(SimulatedConversation conversation) => plan.Customers[conversation.Random.Next(plan.Customers.Count)];

    private Task<TurnOutcome> RunTurnAsync(string kind, SimulatedConversation conversation, CancellationToken cancellationToken) => kind switch
    {
        TurnKind.TeamsFind => TeamsMessageAsync(kind, conversation, $"find {Customer(conversation)}", cancellationToken),
        TurnKind.TeamsLast => TeamsMessageAsync(kind, conversation, $"last {Customer(conversation)}", cancellationToken),
        TurnKind.TeamsHelp => TeamsMessageAsync(kind, conversation, "help", cancellationToken),
        TurnKind.TeamsExecute => TeamsInvokeAsync(kind, teams.Execute(conversation, "logFormOpen", new JsonObject()), cancellationToken),
        TurnKind.TeamsSearch => TeamsInvokeAsync(kind, teams.Search(conversation, Customer(conversation)), cancellationToken),
        TurnKind.SlackCommand => SlackAsync(kind, NewHookKey(), key => Slack.Command(conversation, $"find {Customer(conversation)}", fakes.HookUrl(key)), "hook:", cancellationToken),
        TurnKind.SlackAction => SlackAsync(kind, NewHookKey(), key => Slack.ButtonPress(conversation, "find", fakes.HookUrl(key)), "hook:", cancellationToken),
        TurnKind.SlackMessage => SlackAsync(kind, conversation.SlackChannelId, _ => Slack.DirectMessage(conversation, $"find {Customer(conversation)}"), "slack-channel:", cancellationToken),
        TurnKind.SlackHome => SlackAsync(kind, conversation.SlackUserId, _ => Slack.HomeOpened(conversation), "slack-user:", cancellationToken),
        _ => throw new InvalidOperationException($"No request for {kind}."),
    };

    private SlackRequests Slack => slack ?? throw new InvalidOperationException("Slack turns need a signing secret.");

    private string NewHookKey() => $"r{Interlocked.Increment(ref _hooks)}";

    /// <summary>A message turn: done when the HTTP answer came and at least one reply was posted; ends at the later of the two.</summary>
    private async Task<TurnOutcome> TeamsMessageAsync(string kind, SimulatedConversation conversation, string text, CancellationToken cancellationToken)
    {
        var slot = fakes.Replies.Expect("teams:" + conversation.TeamsConversationId);
        var seen = slot.Count;
        if (conversation.Number == 0 && fakes.TracedConversation is not null)
            Console.Error.WriteLine($"[send] {text}");
        using var request = teams.Message(conversation, text, out _);
        var (start, answered, error) = await SendAsync(request, cancellationToken);
        if (error is not null)
            return new TurnOutcome(kind, Ms(start, answered), Ms(start, answered), error);
        if (!await slot.WaitBeyondAsync(seen, plan.ReplyPatience, cancellationToken))
            return new TurnOutcome(kind, Ms(start, answered), Ms(start, Stopwatch.GetTimestamp()), "no reply");
        return new TurnOutcome(kind, Ms(start, answered), Ms(start, Math.Max(answered, slot.LastTimestamp)));
    }

    /// <summary>An invoke: answered in the HTTP response, which is the whole turn.</summary>
    private async Task<TurnOutcome> TeamsInvokeAsync(string kind, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var (start, answered, error) = await SendAsync(request, cancellationToken);
            return new TurnOutcome(kind, Ms(start, answered), Ms(start, answered), error);
        }
    }

    /// <summary>A Slack request: acknowledged by the HTTP answer; the turn ends when the reply reaches the fake Slack.</summary>
    private async Task<TurnOutcome> SlackAsync(string kind, string key, Func<string, HttpRequestMessage> build, string prefix, CancellationToken cancellationToken)
    {
        var replyKey = prefix + key;
        var slot = fakes.Replies.Expect(replyKey);
        var seen = slot.Count;
        using var request = build(key);
        var (start, answered, error) = await SendAsync(request, cancellationToken);
        try
        {
            if (error is not null)
                return new TurnOutcome(kind, Ms(start, answered), Ms(start, answered), error);
            if (!await slot.WaitBeyondAsync(seen, plan.ReplyPatience, cancellationToken))
                return new TurnOutcome(kind, Ms(start, answered), Ms(start, Stopwatch.GetTimestamp()), "no reply");
            return new TurnOutcome(kind, Ms(start, answered), Ms(start, Math.Max(answered, slot.LastTimestamp)));
        }
        finally
        {
            if (prefix == "hook:")
                fakes.Replies.Forget(replyKey);
        }
    }

    private async Task<(long Start, long Answered, string? Error)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            return (start, answered, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException failure)
        {
            return (start, Stopwatch.GetTimestamp(), failure.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (start, Stopwatch.GetTimestamp(), "timeout");
        }
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
