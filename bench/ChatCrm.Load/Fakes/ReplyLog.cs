using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatCrm.Load.Fakes;

/// <summary>
/// Every reply the bot posted to the run's fakes, by the key that ties it to the request that caused it: a Teams
/// conversation id, a Slack channel (<c>chat.postMessage</c>), user (<c>views.publish</c>), trigger id
/// (<c>views.open</c>) or <c>response_url</c>. Each key belongs to one simulated conversation, which sends one request
/// at a time, so "the replies to this key since I sent" are the replies to that request.
/// </summary>
public sealed class ReplyLog
{
    private readonly ConcurrentDictionary<string, ReplySlot> _slots = new(StringComparer.Ordinal);
    private int _unmatched;

    /// <summary>Replies whose key no request had announced (a stray, or a reply to a request already given up on).</summary>
    public int Unmatched => Volatile.Read(ref _unmatched);

    /// <summary>Announces that replies to <paramref name="key"/> are expected; returns the slot to wait on.</summary>
    public ReplySlot Expect(string key) => _slots.GetOrAdd(key, static _ => new ReplySlot());

    /// <summary>Stops expecting <paramref name="key"/> (a one-off key such as a <c>response_url</c>).</summary>
    public void Forget(string key) => _slots.TryRemove(key, out _);

    /// <summary>Records a reply arriving now, with its body when the runner reads it (Teams replies: the choice buttons).</summary>
    public void Record(string key, string? body = null)
    {
        var now = Stopwatch.GetTimestamp();
        if (_slots.TryGetValue(key, out var slot))
            slot.Add(now, body);
        else
            Interlocked.Increment(ref _unmatched);
    }
}

/// <summary>The replies to one key: how many so far and when the last one came (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed class ReplySlot
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private long _last;

    public int Count
    {
        get
        {
            lock (_gate)
                return _count;
        }
    }

    public long LastTimestamp
    {
        get
        {
            lock (_gate)
                return _last;
        }
    }

    /// <summary>The body of the last reply that had one (a typing indicator has no text and does not replace it).</summary>
    public string? LastBody
    {
        get
        {
            lock (_gate)
                return _lastBody;
        }
    }

    private string? _lastBody;

    public void Add(long timestamp, string? body = null)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            if (body is not null)
                _lastBody = body;
            _count++;
            _last = Math.Max(_last, timestamp);
            arrived = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
    }

    /// <summary>Waits until more than <paramref name="seen"/> replies arrived; false when <paramref name="patience"/> ran out first.</summary>
    public async Task<bool> WaitBeyondAsync(int seen, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_count > seen)
                    return true;
                next = _next.Task;
            }
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (deadline <= Stopwatch.GetTimestamp())
                return false;
            try
            {
                await next.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return Count > seen;
            }
        }
    }
}
