namespace ChatCrm.Load;

/// <summary>
/// One kind of request a load run sends. A scenario builds request number <c>sequence</c> (each distinct, so the bot's
/// duplicate detection does not drop them) and says whether the answer counts as a success. Adding a scenario (Teams
/// activities, full turns measured until the reply arrives) is a new class and a line in <see cref="Scenarios"/>.
/// </summary>
public interface ILoadScenario
{
    string Name { get; }

    /// <summary>The request to send; a new one for each call (an <see cref="HttpRequestMessage"/> is sent once).</summary>
    HttpRequestMessage Build(long sequence);

    /// <summary>Whether the bot's answer is what the scenario expects (e.g. Slack's 200 ack).</summary>
    bool IsSuccess(HttpResponseMessage response);
}

/// <summary>The scenarios by name.</summary>
public static class Scenarios
{
    public static IReadOnlyList<string> Names { get; } = ["slack-commands"];

    public static ILoadScenario? Create(string name, Uri target, string? signingSecret, string text, Uri replies) => name switch
    {
        "slack-commands" => new SlackCommandsScenario(target, signingSecret ?? throw new ArgumentException("slack-commands needs a signing secret (--signing-secret or SLACK_SIGNING_SECRET)."), text, replies),
        _ => null,
    };
}
