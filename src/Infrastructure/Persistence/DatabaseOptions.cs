using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
    SqlServer = 3,
}

/// <summary>The <c>Database</c> section: which engine, and where it is.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, a file under <see cref="DataDirectory"/>), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres and SqlServer; optional for Sqlite (defaults to a file in <see cref="DataDirectory"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file, relative to the app's content root unless absolute.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the app starts (on by default).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>Normal</c> (default; a process crash loses nothing committed, a power cut may lose the last
    /// commits) or <c>Full</c> (each commit synced to disk). See <see cref="Providers.SqliteSynchronous"/>.
    /// </summary>
    public Providers.SqliteSynchronous SqliteSynchronous { get; set; } = Providers.SqliteSynchronous.Normal;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"Database:Provider must be Sqlite, Postgres or SqlServer.", [nameof(Provider)]);
        if (Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"Database:ConnectionString is required when Database:Provider is {Provider}.", [nameof(ConnectionString)]);
        if (!Enum.IsDefined(SqliteSynchronous))
            yield return new ValidationResult("Database:SqliteSynchronous must be Normal or Full.", [nameof(SqliteSynchronous)]);
    }

    public string SqliteConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
            return ConnectionString;
        var folder = Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "chatcrm.db")};Foreign Keys=True;Pooling=True";
    }
}
