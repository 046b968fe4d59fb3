using System.Globalization;

namespace ChatCrm.Load.Mix;

/// <summary>
/// The kinds of request a mixed run sends. Teams kinds are activities posted to <c>/api/messages</c>; Slack kinds are
/// signed requests to <c>/slack/…</c>. A <c>teams-log</c> pick runs the whole step-by-step dialog (six turns of one
/// conversation), each step counted as one <c>teams-log</c> turn.
/// </summary>
public static class TurnKind
{
    public const string TeamsFind = "teams-find";
    public const string TeamsLast = "teams-last";
    public const string TeamsHelp = "teams-help";
    public const string TeamsLog = "teams-log";
    public const string TeamsExecute = "teams-execute";
    public const string TeamsSearch = "teams-mex";
    public const string SlackCommand = "slack-command";
    public const string SlackAction = "slack-action";
    public const string SlackMessage = "slack-im";
    public const string SlackHome = "slack-home";

    public static IReadOnlyList<string> All { get; } =
        [TeamsFind, TeamsLast, TeamsHelp, TeamsLog, TeamsExecute, TeamsSearch, SlackCommand, SlackAction, SlackMessage, SlackHome];

    /// <summary>What the botbuilder peer also does: the comparison runs only these on both bots.</summary>
    public static IReadOnlyList<string> Peer { get; } = [TeamsFind, TeamsHelp, TeamsLog];

    public static bool IsSlack(string kind) => kind.StartsWith("slack-", StringComparison.Ordinal);

    /// <summary>The default mix: mostly Teams chat, a few card actions and searches, a share of Slack.</summary>
    public const string DefaultWeights =
        "teams-find=25,teams-last=15,teams-help=10,teams-log=15,teams-execute=10,teams-mex=10,slack-command=6,slack-action=3,slack-im=4,slack-home=2";
}

/// <summary>Weighted choice among turn kinds, e.g. <c>teams-find=30,teams-log=20,slack-command=10</c>.</summary>
public sealed class MixWeights
{
    private readonly (string Kind, int Weight)[] _weights;
    private readonly int _total;

    private MixWeights((string Kind, int Weight)[] weights)
    {
        _weights = weights;
        _total = weights.Sum(w => w.Weight);
    }

    public IReadOnlyList<(string Kind, int Weight)> Weights => _weights;

    /// <summary>Parses a weight list; kinds outside <paramref name="allowed"/> are dropped (the peer does fewer).</summary>
    public static MixWeights Parse(string text, IReadOnlyCollection<string> allowed, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        problem = null;
        var weights = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !TurnKind.All.Contains(pair[0], StringComparer.Ordinal)
                || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                problem = $"'{part}' is not kind=weight with a kind among {string.Join(", ", TurnKind.All)}.";
                return new MixWeights([]);
            }
            if (weight > 0 && allowed.Contains(pair[0]))
                weights.Add((pair[0], weight));
        }
        if (weights.Count == 0)
            problem = "The mix has no kind with a positive weight that this target can answer.";
        return new MixWeights([.. weights]);
    }

    public string Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var draw = random.Next(_total);
        foreach (var (kind, weight) in _weights)
        {
            if (draw < weight)
                return kind;
            draw -= weight;
        }
        return _weights[^1].Kind;
    }
}
