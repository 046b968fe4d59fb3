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
        var weights = MixWeights.Parse(settings.Weights, settings.Peer ? TurnKind.Peer : TurnKind.All, out var problem);
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

        var pid = settings.BotPid ?? launcher?.ProcessId;
        var sampler = pid is { } id ? new MemorySampler(id) : null;
        var plan = new MixPlan(weights, settings.Conversations, settings.Turns, settings.Duration, settings.Warmup,
            settings.Customers, settings.ReplyPatience, settings.RandomSeed);
        var (outcomes, elapsed) = await new MixRunner(http, fakes, teams, slack, plan).RunAsync(cancellationToken);
        BotFacts facts;
        if (sampler is not null)
        {
            await sampler.DisposeAsync();
            facts = new BotFacts(sampler.PeakRssKb, sampler.HighWaterMarkKb, launcher?.StartUp?.TotalMilliseconds);
        }
        else
        {
            facts = new BotFacts(null, null, null);
        }

        var report = new MixReport(settings.Target.AbsoluteUri, settings.Conversations, outcomes, elapsed, fakes.Replies.Unmatched, facts);
        Console.WriteLine(report.ToTable());
        var json = report.ToJson();
        if (settings.Json is { } file)
            await File.WriteAllTextAsync(file.FullName, json, cancellationToken);
        else
            Console.WriteLine(json);
        if (fakes.UnknownCalls > 0)
            Console.WriteLine($"note: the bot made {fakes.UnknownCalls} calls the fakes do not know (answered 404 / unknown_method)");
        return report.Failed == 0 ? 0 : 1;
    }
}
