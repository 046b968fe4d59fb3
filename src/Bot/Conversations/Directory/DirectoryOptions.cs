using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>The <c>Directory</c> section: who may use ChatCrm.</summary>
public sealed class DirectoryOptions : IValidatableObject
{
    public const string SectionName = "Directory";

    /// <summary>
    /// The first admins, by work e-mail or Microsoft Entra object id, in any environment: the first message of such a
    /// person (from a chat account not yet linked to anyone) makes them an admin — added to the directory, or an
    /// existing user promoted — and is audited. Later messages change nothing, so a later demotion sticks. Slack
    /// matches by the e-mail <c>users.info</c> reports; Teams by the <c>aadObjectId</c> every message carries.
    /// </summary>
    public IList<string> BootstrapAdmins { get; } = [];

    /// <summary>
    /// The company's e-mail domains (<c>example.com</c>; exact, a subdomain is listed on its own). A chat account is linked
    /// to the ChatCrm user with its e-mail only when the domain is one of these (and, for Slack, the account is a full
    /// member of an allowed workspace: <c>Slack:AllowedWorkspaces</c>). Empty: nobody is linked by e-mail, in any
    /// environment; admins link accounts by hand (<c>admin map</c>), and the start-up log and <c>admin status</c> say so.
    /// </summary>
    public IList<string> AllowedEmailDomains { get; } = [];

    /// <summary>The allowed e-mail domains, blank entries (a setting cleared by an empty value) left out.</summary>
    public IReadOnlyCollection<string> LinkableEmailDomains => [.. AllowedEmailDomains.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim())];

    /// <summary>
    /// Demo only: a chat user not yet in the directory is enrolled with this role on first contact.
    /// Honoured in the Development environment only; production never enrols anyone silently.
    /// </summary>
    public UserRole? DemoEnrollUnknownUsersAs { get; set; }

    /// <summary>
    /// Demo only: the team an enrolled user joins. Need-to-know shows full records of the team's own accounts
    /// only, so a demo user joins a team that owns some (the demo data's Spanish sales team by default).
    /// </summary>
    [StringLength(100)]
    public string? DemoEnrollTeam { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < BootstrapAdmins.Count; i++)
        {
            if (!BootstrapAdminRule.IsValidEntry(BootstrapAdmins[i]))
            {
                yield return new ValidationResult(
                    $"Directory:BootstrapAdmins:{i} is neither a work e-mail nor a Microsoft Entra object id (a GUID).", [nameof(BootstrapAdmins)]);
            }
        }
        for (var i = 0; i < AllowedEmailDomains.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(AllowedEmailDomains[i]) && !ChatAccountRule.IsValidDomain(AllowedEmailDomains[i].Trim()))
            {
                yield return new ValidationResult(
                    $"Directory:AllowedEmailDomains:{i} is not a domain name like example.com (no @, no wildcard).", [nameof(AllowedEmailDomains)]);
            }
        }
    }
}
