using ChatCrm.Load.Fakes;
using ChatCrm.Load.Measuring;

namespace ChatCrm.Load.Mix;

/// <summary>
/// The <c>mix</c> run: starts the fakes, optionally launches the bot and times its start-up, samples its memory, runs
/// the mix and prints the report. Exit code 0 when every turn was answered, 1 when some failed, 2 for bad input.
/// </summary>
public static class MixCommand
{
    /// <summary>The settings the bot under test needs to use this run's fakes (printed at the start of a run).</summary>
    public static IEnumerable<string> BotSettings(LoopbackFakes fakes, MixSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fakes);
        ArgumentNullException.ThrowIfNull(settings);
        yield return "ASPNETCORE_ENVIRONMENT=Development";
        if (settings.SignTokens)
        {
            yield return "MicrosoftAppType=UserAssignedMSI";
            yield return $"MicrosoftAppId={settings.AppId}";
            yield return "MicrosoftAppTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47";
            yield return $"Teams__OpenIdMetadataUrl={fakes.OpenIdMetadataUrl}";
            yield return $"IDENTITY_ENDPOINT={fakes.ManagedIdentityEndpoint}";
            yield return "IDENTITY_HEADER=load";
        }
        else
        {
            yield return "Teams__DangerouslyAllowUnauthenticatedRequests=true";
        }
        yield return "Slack__Enabled=true";
        yield return "Slack__BotToken=xoxb-load";
        yield return "SLACK_SIGNING_SECRET=<the --signing-secret>";
        yield return $"Slack__ApiBaseUrl={fakes.SlackApiBaseUrl}";
        yield return "Directory__DemoEnrollUnknownUsersAs=SalesRep";
    }

    public static async Task<int> RunAsync(MixSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Compare is { IsLoopback: false } stranger)
        {
            await Console.Error.WriteLineAsync($"Refusing {stranger}: the load generator only talks to this machine (loopback).");
            return 2;
        }
        // A side-by-side run sends both bots only what the peer does too.
        var weights = MixWeights.Parse(settings.Weights, settings.Peer || settings.Compare is not null ? TurnKind.Peer : TurnKind.All, out var problem);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }
        if (weights.Weights.Any(w => TurnKind.IsSlack(w.Kind)) && string.IsNullOrWhiteSpace(settings.SigningSecret))
        {
            await Console.Error.WriteLineAsync("The mix has Slack turns: give --signing-secret (or SLACK_SIGNING_SECRET), or leave Slack out of --mix.");
            return 2;
        }

        await using var fakes = await LoopbackFakes.StartAsync(settings.FakesPort, settings.AppId, settings.IssuerKey);
        if (settings.Trace)
            fakes.TracedConversation = new SimulatedConversation(0, new Random(0)).TeamsConversationId;
        Console.WriteLine($"fakes on {fakes.Root}; the bot under test needs:");
        foreach (var line in BotSettings(fakes, settings))
            Console.WriteLine("  " + line);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Conversations + 1, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        // One channel token for the whole run, as the Bot Framework reuses its token for an hour.
        var token = settings.SignTokens ? fakes.Issuer.ChannelToken(settings.AppId, fakes.ServiceUrl, TimeSpan.FromHours(2)) : null;
        var teams = new TeamsRequests(new Uri(settings.Target, "api/messages"), fakes.ServiceUrl, () => token);
        var slack = string.IsNullOrWhiteSpace(settings.SigningSecret) ? null : new SlackRequests(settings.Target, settings.SigningSecret);

        using var launcher = settings.StartBot is { } command ? BotLauncher.Start(command) : null;
        if (launcher is not null)
        {
            var probe = new SimulatedConversation(99_999, new Random(0));
            var up = await launcher.WaitUntilAnsweringAsync(async () =>
            {
                using var request = teams.Message(probe, "help", out _);
                using var response = await http.SendAsync(request, cancellationToken);
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromMinutes(2), cancellationToken);
            if (!up)
            {
                await Console.Error.WriteLineAsync("The bot did not answer within 2 minutes of its launch.");
                return 1;
            }
            Console.WriteLine($"bot answered its first request {launcher.StartUp!.Value.TotalMilliseconds:0} ms after launch");
        }

        var plan = new MixPlan(weights, settings.Conversations, settings.Turns, settings.Duration, settings.Warmup,
            settings.Customers, settings.ReplyPatience, settings.RandomSeed, settings.Rate);
        var reports = new List<MixReport>
        {
            await MeasureAsync(settings.Target, settings.BotPid ?? launcher?.ProcessId, launcher?.StartUp, http, fakes, token, slack, plan, cancellationToken),
        };
        // Side by side: the same mix against the peer, after the first bot's run (one at a time: they share two cores).
        if (settings.Compare is { } peer)
            reports.Add(await MeasureAsync(peer, settings.ComparePid, null, http, fakes, token, slack: null, plan, cancellationToken));

        foreach (var report in reports)
            Console.WriteLine(report.ToTable());
        if (reports.Count == 2)
            Console.WriteLine(Comparison(reports[0], reports[1]));
        var json = reports.Count == 1
            ? reports[0].ToJson()
            : $"{{\n\"runs\": [\n{reports[0].ToJson()},\n{reports[1].ToJson()}\n]\n}}";
        if (settings.Json is { } file)
            await File.WriteAllTextAsync(file.FullName, json, cancellationToken);
        else
            Console.WriteLine(json);
        if (fakes.UnknownCalls > 0)
            Console.WriteLine($"note: the bots made {fakes.UnknownCalls} calls the fakes do not know (answered 404 / unknown_method)");
        return reports.All(r => r.Failed == 0) ? 0 : 1;
    }

    private static async Task<MixReport> MeasureAsync(Uri target, int? pid, TimeSpan? startUp, HttpClient http, LoopbackFakes fakes, string? token,
        SlackRequests? slack, MixPlan plan, CancellationToken cancellationToken)
    {
        var teams = new TeamsRequests(new Uri(target, "api/messages"), fakes.ServiceUrl, () => token);
        var unmatchedBefore = fakes.Replies.Unmatched;
        var sampler = pid is { } id ? new MemorySampler(id) : null;
        var runner = new MixRunner(http, fakes, teams, slack, plan, pid);
        var (outcomes, elapsed) = await runner.RunAsync(cancellationToken);
        var facts = new BotFacts(null, null, startUp?.TotalMilliseconds, runner.BotCpu?.TotalMilliseconds);
        if (sampler is not null)
        {
            await sampler.DisposeAsync();
            facts = facts with { PeakRssKb = sampler.PeakRssKb, HighWaterMarkKb = sampler.HighWaterMarkKb };
        }
        return new MixReport(target.AbsoluteUri, plan.Conversations, outcomes, elapsed, fakes.Replies.Unmatched - unmatchedBefore, facts);
    }

    /// <summary>The issue's side-by-side targets: at least twice the peer's throughput, and a p99 no worse.</summary>
    public static string Comparison(MixReport bot, MixReport peer)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(peer);
        var ratio = peer.TurnsPerSecond > 0 ? bot.TurnsPerSecond / peer.TurnsPerSecond : 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"side by side: throughput {bot.TurnsPerSecond:0.0} vs {peer.TurnsPerSecond:0.0} turns/s (×{ratio:0.00}; target ≥ 2), "
            + $"Teams p99 {bot.AllTeamsTurns.P99:0.0} vs {peer.AllTeamsTurns.P99:0.0} ms (target: no worse)");
    }
}
