using System.Globalization;

namespace ChatCrm.Load.Mix;

/// <summary>
/// One simulated person with their own Teams 1:1 chat and Slack DM. Ids are derived from the conversation number, so a
/// second run against the same database finds the same (already enrolled) users, as a real team would be.
/// </summary>
public sealed class SimulatedConversation(int number, Random random, TimeSpan turnInterval = default, int conversations = 1)
{
    /// <summary>When this person may send their next turn, when the run is held at a rate; staggered so that the conversations do not all send at once.</summary>
    private DateTime _nextTurn = DateTime.UtcNow + (turnInterval * number / Math.Max(conversations, 1));

    public int Number { get; } = number;

    public Random Random { get; } = random;

    public string TeamsConversationId => $"a:load-conversation-{Number.ToString("00000", CultureInfo.InvariantCulture)}";

    public string TeamsUserId => $"29:load-user-{Number.ToString("00000", CultureInfo.InvariantCulture)}";

    public string AadObjectId => $"00000000-0000-4000-8000-{Number.ToString("000000000000", CultureInfo.InvariantCulture)}";

    public string Name => $"Load User {Number.ToString(CultureInfo.InvariantCulture)}";

    public string SlackUserId => $"U0LOAD{Number.ToString("00000", CultureInfo.InvariantCulture)}";

    public string SlackChannelId => $"D0LOAD{Number.ToString("00000", CultureInfo.InvariantCulture)}";

    /// <summary>Waits for this person's next slot when the run is held at a rate (a slow answer is not made up for by sending faster).</summary>
    public async Task PaceAsync(CancellationToken cancellationToken)
    {
        if (turnInterval <= TimeSpan.Zero)
            return;
        var wait = _nextTurn - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, cancellationToken);
        _nextTurn = (wait > TimeSpan.Zero ? _nextTurn : DateTime.UtcNow) + turnInterval;
    }

    /// <summary>Spanish for every fourth person: both languages' code paths carry load.</summary>
    public string Locale => Number % 4 == 3 ? "es-ES" : "en-US";
}
