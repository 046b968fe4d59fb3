using ChatCrm.Domain.Common;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Why a directory change was refused, naming the field at fault (<c>email</c>, <c>name</c>, <c>role</c>, <c>team</c>,
/// <c>manager</c>, <c>timeZone</c>, <c>language</c>, <c>externalId</c>, <c>handOverTo</c>, or <see cref="VersionField"/>
/// when someone else changed the user first) so a command line can name its option, an API its JSON property and a
/// chat form its input; the reason in English and Spanish.
/// </summary>
public sealed record DirectoryProblem(string Field, LocalizedText Text)
{
    /// <summary>The field of a change refused because the user changed since it was read.</summary>
    public const string VersionField = "version";

    public DirectoryProblem(string field, string english, string spanish)
        : this(field, new LocalizedText(english, spanish))
    {
    }

    /// <summary>The reason in English (command line, API, logs).</summary>
    public string Message => Text.English;

    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>What a directory change gave: the value when it went ahead, else every problem found (nothing was staged).</summary>
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
/// Who makes a directory change and through what: an admin (their user id) from chat, an integration through the API
/// (<see cref="Client"/>, as its credentials name it), or nobody in ChatCrm (the operator's command line or file
/// import), in which case the audit entry names the changed user as its actor and says by what.
/// </summary>
public sealed record DirectoryActor(Domain.Users.UserId? UserId, string Channel)
{
    /// <summary>The integration client (<c>apikey:…</c>, <c>entra:…</c>) of a change made through the REST API.</summary>
    public string? Client { get; init; }

    /// <summary>The operator at the server's command line.</summary>
    public static DirectoryActor CommandLine { get; } = new(null, "cli");

    /// <summary>The operator's file import (<c>import users</c>).</summary>
    public static DirectoryActor Import { get; } = new(null, "import");

    /// <summary>An integration through the REST API.</summary>
    public static DirectoryActor Integration(string client) => new(null, Domain.Auditing.AuditEntry.ApiChannel) { Client = client };

    /// <summary>What an audit entry without a ChatCrm actor says made the change.</summary>
    public string Origin => Channel == "cli" ? "command line" : Channel;
}
