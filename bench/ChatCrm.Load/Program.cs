using System.CommandLine;
using ChatCrm.Load.Mix;

namespace ChatCrm.Load;

/// <summary>
/// A load generator for a running bot on loopback. "mix": N simulated conversations send a weighted mix of Teams
/// activities and signed Slack requests; the run's own fakes (issuer, Bot Connector, Slack Web API) record every reply,
/// and the report gives turn latency per kind (request → last reply), Slack ack latency, throughput, errors and the
/// bot's memory. "slack-commands": acknowledgement latency of /crm alone.
/// (An explicit entry point in a namespace: a test project that references both this tool and the bot would otherwise see two <c>Program</c> classes.)
/// </summary>
public static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var scenario = new Argument<string>("scenario") { Description = $"What to send: mix, {string.Join(", ", Scenarios.Names)}." };
        var target = new Option<Uri>("--target")
        {
            Description = "The bot's base address.",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:3978/"),
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : Fail<Uri>(result, "--target must be an absolute address."),
        };
        var clients = new Option<int>("--clients", "--conversations") { Description = "Concurrent clients (mix: simulated conversations, one request in flight each).", DefaultValueFactory = _ => 50 };
        var requests = new Option<long?>("--requests", "--turns") { Description = "Stop after this many requests (default 2000 unless --duration is given)." };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Stop after this long (e.g. 00:00:30).",
            CustomParser = result => ParseSpan(result),
        };
        var warmup = new Option<int>("--warmup") { Description = "Requests sent first and not counted.", DefaultValueFactory = _ => 20 };
        var secret = new Option<string?>("--signing-secret") { Description = "The Slack signing secret (default: SLACK_SIGNING_SECRET)." };
        var text = new Option<string>("--text") { Description = "The /crm text to send.", DefaultValueFactory = _ => "find María Núñez" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the JSON report to this file." };
        var replyPatience = new Option<TimeSpan>("--reply-wait")
        {
            Description = "How long to wait for the replies after the last ack (e.g. 00:01:00).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = result => ParseSpan(result) ?? TimeSpan.Zero,
        };

        var mix = new Option<string>("--mix") { Description = "mix: kind=weight list.", DefaultValueFactory = _ => TurnKind.DefaultWeights };
        var peer = new Option<bool>("--peer") { Description = "mix: only what the botbuilder peer also does (teams-find, teams-help, teams-log), for a side-by-side run." };
        var customers = new Option<string>("--customers")
        {
            Description = "mix: ';'-separated customer searches people type (names in the seeded data).",
            DefaultValueFactory = _ => "Ibáñez;Ordóñez;Castañeda;Peña;Núñez;Muñoz;Fernández;López",
        };
        var auth = new Option<string>("--auth") { Description = "mix: jwt (sign Bot Framework tokens with the run's issuer) or none.", DefaultValueFactory = _ => "jwt" };
        auth.AcceptOnlyFromAmong("jwt", "none");
        var appId = new Option<string>("--app-id") { Description = "mix: the bot's MicrosoftAppId (the tokens' audience).", DefaultValueFactory = _ => "5b0c3a2e-9d7f-4e61-8a3b-1c2d3e4f5a6b" };
        var fakesPort = new Option<int>("--fakes-port") { Description = "mix: loopback port of the run's fakes (the bot's settings point at it).", DefaultValueFactory = _ => 39790 };
        var botPid = new Option<int?>("--bot-pid") { Description = "Sample this process's memory (/proc/<pid>/status VmRSS, VmHWM) during the run." };
        var startBot = new Option<string?>("--start-bot") { Description = "mix: launch the bot with this shell command, time start-up to its first answered request, sample its memory, stop it at the end." };
        var trace = new Option<bool>("--trace") { Description = "mix: print what conversation 0 sends in Teams and the replies it gets (to check the mix)." };
        var issuerKey = new Option<FileInfo>("--issuer-key")
        {
            Description = "mix: the issuer's RSA key (PEM), created on first use and kept, so a bot left running trusts later runs.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(Path.GetTempPath(), "chatcrm-load", "issuer-key.pem")),
        };
        var compare = new Option<Uri?>("--compare")
        {
            Description = "mix: after the run against --target, run the same peer-restricted mix against this bot (the botbuilder peer) and compare.",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : Fail<Uri?>(result, "--compare must be an absolute address."),
        };
        var comparePid = new Option<int?>("--compare-pid") { Description = "mix: sample the peer's memory during its run." };
        var rate = new Option<double?>("--rate")
        {
            Description = "mix: hold the run at about this many turns per second in all (each conversation paced evenly) instead of unthrottled; for comparing latency at equal load.",
        };
        var randomSeed = new Option<int>("--random-seed") { Description = "mix: seed of each conversation's choices.", DefaultValueFactory = _ => 20261124 };

        var root = new RootCommand("ChatCrm load generator (loopback only)")
        {
            scenario, target, clients, requests, duration, warmup, secret, text, json, replyPatience, mix, peer, customers, auth, appId, fakesPort, botPid, startBot, randomSeed, trace, issuerKey, compare, comparePid, rate,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(target)!;
            if (!address.IsLoopback)
            {
                Console.Error.WriteLine($"Refusing {address}: the load generator only talks to this machine (loopback).");
                return 2;
            }
            var count = parse.GetValue(clients);
            if (count < 1)
            {
                Console.Error.WriteLine("--clients must be at least 1.");
                return 2;
            }
            var signingSecret = parse.GetValue(secret) ?? Environment.GetEnvironmentVariable("SLACK_SIGNING_SECRET");
            var maxDuration = parse.GetValue(duration);
            if (parse.GetValue(scenario) == "mix")
            {
                return await MixCommand.RunAsync(new MixSettings(
                    address, count, parse.GetValue(requests) ?? (maxDuration is null ? 2000 : null), maxDuration, parse.GetValue(warmup),
                    parse.GetValue(mix)!, parse.GetValue(peer),
                    parse.GetValue(customers)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    parse.GetValue(auth) == "jwt", parse.GetValue(appId)!, parse.GetValue(fakesPort), signingSecret, parse.GetValue(replyPatience),
                    parse.GetValue(botPid), parse.GetValue(startBot), parse.GetValue(json), parse.GetValue(randomSeed), parse.GetValue(issuerKey)!, parse.GetValue(trace),
                    parse.GetValue(compare), parse.GetValue(comparePid), parse.GetValue(rate)), cancellationToken);
            }
            // The bot looks unknown Slack users up (users.info): the run's fake Slack Web API answers.
            await using var fakes = await ChatCrm.Load.Fakes.LoopbackFakes.StartAsync(parse.GetValue(fakesPort), parse.GetValue(appId)!, parse.GetValue(issuerKey)!);
            await using var sink = ReplySink.Start();
            ILoadScenario? chosen;
            try
            {
                chosen = Scenarios.Create(parse.GetValue(scenario)!, address, signingSecret, parse.GetValue(text)!, sink.Address);
            }
            catch (ArgumentException problem)
            {
                Console.Error.WriteLine(problem.Message);
                return 2;
            }
            if (chosen is null)
            {
                Console.Error.WriteLine($"Unknown scenario; choose one of: {string.Join(", ", Scenarios.Names)}.");
                return 2;
            }
            var plan = new LoadPlan(count, parse.GetValue(requests) ?? (maxDuration is null ? 2000 : null), maxDuration, parse.GetValue(warmup));
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            var result = await LoadRunner.RunAsync(http, chosen, plan, cancellationToken);
            // The replies (work done after each ack) keep arriving for a while; the report says how many came back.
            result = result with { Replies = await sink.WaitForAsync(plan.Warmup + result.Succeeded, parse.GetValue(replyPatience)) };
            Console.WriteLine(result.ToTable());
            var report = result.ToJson();
            Console.WriteLine(report);
            if (parse.GetValue(json) is { } file)
                await File.WriteAllTextAsync(file.FullName, report, cancellationToken);
            return result.Failed == 0 ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync();

        static TimeSpan? ParseSpan(System.CommandLine.Parsing.ArgumentResult result) =>
            TimeSpan.TryParse(result.Tokens.Single().Value, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                ? span
                : Fail<TimeSpan?>(result, $"{result.Tokens.Single().Value} is not a positive duration such as 00:00:30.");

        static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
        {
            result.AddError(message);
            return default!;
        }
    }
}
