using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// A database that stops answering on demand: while <see cref="Close">closed</see>, every command waits at the gate
/// (<see cref="Held"/> counts them); <see cref="Open"/> lets them through, <see cref="Fail"/> makes them fail as an
/// unreachable server would. Without timing: a test proves an answer came while the database was stuck, not how fast.
/// </summary>
public sealed class DatabaseGate : DbCommandInterceptor
{
    private volatile TaskCompletionSource? _closed;
    private int _held;

    /// <summary>Commands that have reached the gate while it was closed (or failing).</summary>
    public int Held => Volatile.Read(ref _held);

    public void Close() => _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => Interlocked.Exchange(ref _closed, null)?.TrySetResult();

    /// <summary>Every command waiting now or arriving until <see cref="Open"/> fails.</summary>
    public void Fail()
    {
        var failing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        failing.SetException(new DatabaseUnreachableException());
        Interlocked.Exchange(ref _closed, failing)?.TrySetException(new DatabaseUnreachableException());
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await PassAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PassAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await PassAsync(cancellationToken);
        return result;
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        if (_closed is not { } gate)
            return;
        Interlocked.Increment(ref _held);
        await gate.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>What a command sees while the <see cref="DatabaseGate"/> is failing.</summary>
public sealed class DatabaseUnreachableException() : DbException("The test database is unreachable.");
