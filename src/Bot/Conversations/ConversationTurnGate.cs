namespace ChatCrm.Bot.Conversations;

/// <summary>
/// One conversation's turns run one after another on this instance, in the order they arrived: a person who sends two
/// lines quickly gets both handled, the second on the state the first left, instead of the second being refused. Other
/// conversations are not held up. (Across instances the database's row versions keep turns apart, and the engine runs a
/// turn that lost that race again on fresh state.)
/// </summary>
public sealed class ConversationTurnGate
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private long _arrived;

    /// <summary>Waits for the conversation's earlier turns to finish; dispose the ticket when this turn has answered.</summary>
    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Lane lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(conversationKey, out lane!))
                _lanes[conversationKey] = lane = new Lane();
            lane.Holders++;
            _arrived++;
        }
        try
        {
            // Async waiters are let in first come, first served: the arrival order.
            await lane.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationKey, lane, entered: false);
            throw;
        }
        return new Ticket(this, conversationKey, lane);
    }

    /// <summary>How many turns have arrived at the gate since start (for tests and diagnostics).</summary>
    public long Arrived
    {
        get
        {
            lock (_lanes)
                return _arrived;
        }
    }

    /// <summary>How many conversations have a turn running or waiting (for tests and diagnostics).</summary>
    public int BusyConversations
    {
        get
        {
            lock (_lanes)
                return _lanes.Count;
        }
    }

    private void Leave(string conversationKey, Lane lane, bool entered)
    {
        if (entered)
            lane.Turn.Release();
        lock (_lanes)
        {
            if (--lane.Holders == 0)
            {
                _lanes.Remove(conversationKey);
                lane.Turn.Dispose();
            }
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Holders { get; set; }
    }

    private sealed class Ticket(ConversationTurnGate gate, string conversationKey, Lane lane) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(conversationKey, lane, entered: true);
        }
    }
}
