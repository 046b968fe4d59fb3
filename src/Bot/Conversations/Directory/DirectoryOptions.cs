using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>The <c>Directory</c> section: who may use ChatCrm.</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>
    /// Demo only: a chat user not yet in the directory is enrolled with this role on first contact.
    /// Honoured in the Development environment only; production never enrols anyone silently.
    /// </summary>
    public UserRole? DemoEnrollUnknownUsersAs { get; set; }

    /// <summary>
    /// Demo only: the team an enrolled user joins. Need-to-know shows full records of the team's own accounts
    /// only, so a demo user joins a team that owns some (the demo data's Spanish sales team by default).
    /// </summary>
    [System.ComponentModel.DataAnnotations.StringLength(100)]
    public string? DemoEnrollTeam { get; set; }
}
