namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// The configured database cannot be reached or created, for a reason the operator must fix in the configuration or
/// on the server: the message says what and names the setting. It is printed as that one line: the stack trace of
/// start-up code would only bury it (the host logs start-up failures with <see cref="Exception.ToString"/>).
/// </summary>
public sealed class DatabaseSetupException : Exception
{
    public DatabaseSetupException()
    {
    }

    public DatabaseSetupException(string message)
        : base(message)
    {
    }

    public DatabaseSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Exit code of a command or of the bot refused by its database set-up.</summary>
    public const int ExitCode = 3;

    public override string? StackTrace => null;

    public override string ToString() => Message;
}
