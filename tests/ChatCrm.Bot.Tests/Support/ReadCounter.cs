using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Counts the reads (SELECT statements) the app sends, all of them or those naming <paramref name="table"/>: added to
/// the app's database context by a test (<c>services.ConfigureDbContext&lt;SqliteCrmDbContext&gt;(b =&gt; b.AddInterceptors(counter))</c>).
/// </summary>
public sealed class ReadCounter(string? table = null) : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && (table is null || text.Contains($"\"{table}\"", StringComparison.Ordinal)))
            Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
