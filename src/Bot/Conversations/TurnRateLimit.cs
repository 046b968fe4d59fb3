using System.Collections.Concurrent;
using ChatCrm.Domain.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations;

/// <summary>What the limit says about one more turn of a person.</summary>
public enum TurnAllowance
{
    /// <summary>Within the limit: the turn runs.</summary>
    Allowed,

    /// <summary>The first turn past the limit in this window: it does not run, and the person is told politely.</summary>
    RefusedWithNotice,

    /// <summary>A later turn past the limit: it does not run, and nothing is sent (the notice has been given).</summary>
    RefusedQuietly,
}

/// <summary>
/// How many turns one person (a channel's user key) may take per window (<see cref="ConversationOptions.TurnsPerUser"/>
/// per <see cref="ConversationOptions.TurnWindow"/>). Counted in this instance's memory: several instances each allow
/// the limit. A refused turn is answered in chat, never with HTTP 429, which the channel would only retry. The language
/// of the person's last turn is kept with their count, so the notice needs no database read.
/// </summary>
public sealed class TurnRateLimit(IOptions<ConversationOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public TurnAllowance Take(string userKey)
    {
        var settings = options.Value;
        if (settings.TurnsPerUser <= 0)
            return TurnAllowance.Allowed;
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
            Prune(now - settings.TurnWindow);
        var window = _windows.GetOrAdd(userKey, _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= settings.TurnWindow)
                window.Restart(now);
            if (window.Count < settings.TurnsPerUser)
            {
                window.Count++;
                return TurnAllowance.Allowed;
            }
            if (window.Told)
                return TurnAllowance.RefusedQuietly;
            window.Told = true;
            return TurnAllowance.RefusedWithNotice;
        }
    }

    /// <summary>The language the person last spoke in, if they took a turn lately.</summary>
    public LanguageCode? LanguageOf(string userKey) => _windows.TryGetValue(userKey, out var window) ? window.Language : null;

    public void Remember(string userKey, LanguageCode language)
    {
        if (_windows.TryGetValue(userKey, out var window))
            window.Language = language;
    }

    private void Prune(DateTimeOffset before)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.Start < before)
                _windows.TryRemove(key, out _);
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; private set; } = start;

        public int Count { get; set; }

        public bool Told { get; set; }

        public LanguageCode? Language { get; set; }

        public void Restart(DateTimeOffset now)
        {
            Start = now;
            Count = 0;
            Told = false;
        }
    }
}
