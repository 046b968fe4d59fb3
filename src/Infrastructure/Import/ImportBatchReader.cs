using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Reads a file's records in batches on a thread of its own and checks each batch as far as it can without the
/// database: a record that cannot be read, an external id the file already had, values the target cannot read and
/// what the write service checks alone (<see cref="IImportTarget.Check"/>). It keeps at most
/// <see cref="BatchesAhead"/> batches ready: on two cores the next batch is read and checked while the current one is
/// written, and memory stays bounded whatever the file's length. Batches come out in the file's order.
/// </summary>
internal sealed class ImportBatchReader : IAsyncDisposable
{
    private const int BatchesAhead = 2;

    private readonly Channel<ReadBatch> _batches = Channel.CreateBounded<ReadBatch>(
        new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    private ImportBatchReader(IEnumerable<ImportRecord> records, IImportTarget target, Func<string, string> columnOf, int batchSize, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stop = _stop.Token;
        _reading = Task.Run(() => ReadAsync(records, target, columnOf, Math.Max(1, batchSize), stop), stop);
    }

    /// <param name="columnOf">The file's name for a field, to name it in a problem.</param>
    public static ImportBatchReader Start(IEnumerable<ImportRecord> records, IImportTarget target, Func<string, string> columnOf, int batchSize,
        CancellationToken ct) => new(records, target, columnOf, batchSize, ct);

    /// <summary>The batches in the file's order; a failure of the reading thread is thrown after the last batch it read.</summary>
    public async IAsyncEnumerable<ReadBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync(ct))
            yield return batch;
        await _reading;
    }

    /// <summary>Stops the reading thread (when the writer stopped early) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception) when (_reading.IsCanceled || _reading.IsFaulted)
        {
            // Stopped, or failed after the writer stopped reading: the writer's own outcome is what counts.
        }
        _stop.Dispose();
    }

    private async Task ReadAsync(IEnumerable<ImportRecord> records, IImportTarget target, Func<string, string> columnOf, int batchSize, CancellationToken ct)
    {
        try
        {
            var keys = new HashSet<ulong>();
            foreach (var chunk in records.Chunk(batchSize))
            {
                ct.ThrowIfCancellationRequested();
                var rejected = new List<(ImportRecord, ImportProblem)>();
                var readable = new List<ImportRecord>(chunk.Length);
                foreach (var record in chunk)
                {
                    if (record.Problem is not null)
                        rejected.Add((record, new ImportProblem(record.Line, null, record.Problem)));
                    else if (target.KeyOf(record) is { } key && !keys.Add(KeyHash(key)))
                        rejected.Add((record, new ImportProblem(record.Line, columnOf(target.KeyField), $"'{FieldChecks.Cut(key)}' appears more than once in the file")));
                    else
                        readable.Add(record);
                }
                await _batches.Writer.WriteAsync(new ReadBatch(chunk.Length, rejected, readable, target.Check(readable)), ct);
            }
        }
        finally
        {
            _batches.Writer.TryComplete();
        }
    }

    /// <summary>A 64-bit FNV-1a hash of a key: a million keys take 8 MB to remember instead of a million strings.</summary>
    private static ulong KeyHash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}

/// <summary>
/// One batch of a file as read and checked: how many records it held, those rejected before any check (unreadable,
/// or a key the file already had) with why, in order, and the others with what the target checked of them.
/// </summary>
internal sealed record ReadBatch(int RecordCount, IReadOnlyList<(ImportRecord Record, ImportProblem Problem)> Rejected,
    IReadOnlyList<ImportRecord> Readable, CheckedRecords Checked);
