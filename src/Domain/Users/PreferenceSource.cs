namespace ChatCrm.Domain.Users;

/// <summary>
/// Who last set one of a user's preferences (time zone, language): it decides whether what a chat client reports may
/// replace it. The person's own choice (<see cref="Person"/>) always wins; a client's report replaces the directory's.
/// </summary>
public enum PreferenceSource
{
    /// <summary>The directory: the default at creation, an admin, the import or the REST API.</summary>
    Directory = 0,

    /// <summary>Reported by the person's chat client (Teams' clientInfo, Slack's profile).</summary>
    ChatClient = 1,

    /// <summary>Chosen by the person with <c>settings</c>: no client report replaces it.</summary>
    Person = 2,
}
