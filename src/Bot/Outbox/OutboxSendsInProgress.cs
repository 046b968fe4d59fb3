using System.Collections.Concurrent;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The holders of outbox messages this process is sending right now (a turn's or a push's delivery after its commit).
/// This process's <see cref="OutboxWorker"/> never takes their messages over, however late their heartbeat — a long
/// pause, a slow database, a clock that jumps — since the holder is alive and will send them itself; another instance
/// still may once the lease has run out, which is the crash it is there for.
/// </summary>
public sealed class OutboxSendsInProgress
{
    private readonly ConcurrentDictionary<string, byte> _owners = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Owners => [.. _owners.Keys];

    /// <summary>Marks <paramref name="owner"/> as sending until the result is disposed.</summary>
    public IDisposable Begin(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        _owners.TryAdd(owner, 0);
        return new Ending(this, owner);
    }

    private sealed class Ending(OutboxSendsInProgress sends, string owner) : IDisposable
    {
        public void Dispose() => sends._owners.TryRemove(owner, out _);
    }
}
