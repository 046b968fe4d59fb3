using Npgsql;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>
/// Npgsql settings ChatCrm runs best with, applied to the configured connection string unless it sets them itself.
/// A chat turn sends the same few short statements over and over, so:
/// <list type="bullet">
/// <item><b>automatic preparation</b> (<c>Max Auto Prepare</c>): a statement used twice on a pooled connection is
/// prepared there, and PostgreSQL stops parsing and planning it on every turn;</item>
/// <item><b>no reset on close</b>: a connection going back to the pool is not reset with <c>DISCARD ALL</c> before
/// its next use. ChatCrm never leaves session state behind on a pooled connection (its advisory locks are
/// transaction-scoped, and the migration lock has an unpooled connection of its own).</item>
/// <item><b>a smaller pool</b> (<c>Max Pool Size</c> <see cref="MaxPoolSize"/> instead of Npgsql's 100): under load,
/// turns wait for a connection in the bot instead of a hundred busy backends fighting over the server's cores, and
/// several instances together stay inside PostgreSQL's <c>max_connections</c> (100 by default). A load run with the
/// default pool filled the server and turned new connections away ("too many clients").</item>
/// </list>
/// Measured with the load run in docs/performance.md: PostgreSQL's CPU per Teams turn fell from 2.55 ms to 1.75 ms.
/// </summary>
public static class PostgresConnectionTuning
{
    public const int MaxAutoPrepare = 64;

    public const int AutoPrepareMinUsages = 2;

    public const int MaxPoolSize = 30;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = GivenKeywords(connectionString);
        if (!given.Contains("maxautoprepare"))
            builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!given.Contains("autoprepareminusages"))
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        if (!given.Contains("maximumpoolsize") && !given.Contains("maxpoolsize"))
            builder.MaxPoolSize = MaxPoolSize;
        if (!given.Contains("noresetonclose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>The keywords the operator wrote, lower case and without spaces ("Maximum Pool Size" and "MaxPoolSize" alike).</summary>
    private static HashSet<string> GivenKeywords(string connectionString)
    {
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return written.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
