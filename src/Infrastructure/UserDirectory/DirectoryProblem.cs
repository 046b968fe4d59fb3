namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Why a directory change was refused, naming the field at fault (<c>email</c>, <c>name</c>, <c>role</c>, <c>team</c>,
/// <c>manager</c>, <c>timeZone</c>, <c>language</c>, <c>handOverTo</c>) so a command line can name its option and an
/// API its JSON property.
/// </summary>
public sealed record DirectoryProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>What a directory change gave: the value when it went ahead, else every problem found (nothing was saved).</summary>
public sealed record DirectoryResult<T>(T? Value, IReadOnlyList<DirectoryProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Builds <see cref="DirectoryResult{T}"/>s.</summary>
public static class DirectoryResult
{
    public static DirectoryResult<T> Done<T>(T value) => new(value, []);

    public static DirectoryResult<T> Refused<T>(IReadOnlyList<DirectoryProblem> problems) => new(default, problems);
}

/// <summary>
/// Who makes a directory change and through what: an admin (their user id) from chat or the API, or nobody in ChatCrm
/// yet (the command line run by the operator), in which case the audit entry names the changed user as its actor.
/// </summary>
public sealed record DirectoryActor(Domain.Users.UserId? UserId, string Channel)
{
    /// <summary>The operator at the server's command line.</summary>
    public static DirectoryActor CommandLine { get; } = new(null, "cli");
}
