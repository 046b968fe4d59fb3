using System.Data.Common;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Infrastructure.Tiers;

/// <summary>
/// Makes sure only one recalculation writes at a time, held for exactly as long as its transaction.
/// PostgreSQL: a transaction-scoped advisory lock, tried without waiting. SQL Server: an application lock owned
/// by the transaction, tried without waiting. SQLite: the transaction itself is the lock (it begins
/// <c>IMMEDIATE</c>, taking the single write lock), so a second run waits the connection's busy timeout and then
/// gives up. Whichever way, the second run is refused with <see cref="TierRecalculationBusyException"/> and
/// has changed nothing.
/// </summary>
internal static class TierRecalculationLock
{
    /// <summary>"CRMTIERS" as a number: the advisory lock key, the same for every instance.</summary>
    internal const long AdvisoryKey = 0x43524D5449455253;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Begins the recalculation's transaction and takes the lock, or throws <see cref="TierRecalculationBusyException"/>.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(CrmDbContext db, CancellationToken ct)
    {
        IDbContextTransaction transaction;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new TierRecalculationBusyException(
                "Another tier recalculation (or another long write) holds the SQLite database; nothing was changed. Run it again when it has finished.", e);
        }

        try
        {
            if (!await TryLockAsync(db, transaction.GetDbTransaction(), ct))
                throw new TierRecalculationBusyException();
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(CrmDbContext db, DbTransaction transaction, CancellationToken ct)
    {
        string sql;
        if (db.Database.IsNpgsql())
            sql = $"SELECT pg_try_advisory_xact_lock({AdvisoryKey})";
        else if (db.Database.IsSqlServer())
            sql = """
                DECLARE @granted int;
                EXEC @granted = sp_getapplock @Resource = N'ChatCrm.TierRecalculation', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 0;
                SELECT CASE WHEN @granted >= 0 THEN 1 ELSE 0 END;
                """;
        else
            return true;

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var result = await command.ExecuteScalarAsync(ct);
        return result is true || (result is int granted && granted == 1);
    }
}
