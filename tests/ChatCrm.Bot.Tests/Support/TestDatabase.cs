namespace ChatCrm.Bot.Tests.Support;

/// <summary>A database the bot under test is pointed at, through its ordinary Database settings.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file of its own, deleted afterwards; a file (not in-memory) so a restarted host finds the same data.</summary>
public sealed class SqliteFileDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatcrm-tests", Guid.NewGuid().ToString("N"));

    public SqliteFileDatabase() => Directory.CreateDirectory(_folder);

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataDirectory"] = _folder,
        ["Database:ConnectionString"] = null,
    };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
