using System.CommandLine;
using ChatCrm.Load;

// A load generator for a running ChatCrm on loopback: sends a scenario's requests with N concurrent clients and
// reports acknowledgement latencies (median, p95, p99, max) and errors, as a table and as JSON.
var scenario = new Argument<string>("scenario") { Description = $"What to send: {string.Join(", ", Scenarios.Names)}." };
var target = new Option<Uri>("--target")
{
    Description = "The bot's base address.",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:3978/"),
    CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : Fail<Uri>(result, "--target must be an absolute address."),
};
var clients = new Option<int>("--clients") { Description = "Concurrent clients (requests in flight).", DefaultValueFactory = _ => 50 };
var requests = new Option<long?>("--requests") { Description = "Stop after this many requests (default 2000 unless --duration is given)." };
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

var root = new RootCommand("ChatCrm load generator (loopback only)") { scenario, target, clients, requests, duration, warmup, secret, text, json, replyPatience };
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
    var maxDuration = parse.GetValue(duration);
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
