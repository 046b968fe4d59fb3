namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// A person to add to the directory, as typed (the command line, a chat form, an API body, an imported row): every
/// field is checked by <see cref="UserWrites"/>, which names the field at fault. The manager is named by their work
/// e-mail; <see cref="ExternalId"/> is the id in the company directory, if any.
/// </summary>
public sealed record NewUser(
    string? Email,
    string? Name,
    string? Role,
    string? Team = null,
    string? ManagerEmail = null,
    string? TimeZone = null,
    string? Language = null,
    string? ExternalId = null);

/// <summary>
/// Changes to a user, as typed; null leaves a field as it is. An empty team or manager clears it. <see cref="Reactivate"/>
/// lets a deactivated user back in; <see cref="ExternalId"/> sets the id in the company directory.
/// </summary>
public sealed record UserChanges(
    string? Email = null,
    string? Name = null,
    string? Role = null,
    string? Team = null,
    string? ManagerEmail = null,
    string? TimeZone = null,
    string? Language = null,
    bool Reactivate = false,
    string? ExternalId = null);

/// <summary>One line of the directory, as <see cref="UserDirectoryReader"/> lists it.</summary>
public sealed record DirectoryEntry(
    Domain.Users.UserId Id,
    string Name,
    string? Email,
    Domain.Users.UserRole Role,
    string? Team,
    string? ManagerEmail,
    string TimeZone,
    string Locale,
    bool Active,
    bool LinkedToTeams,
    bool LinkedToSlack);

/// <summary>What a deactivation did: the user, who received their customers and how many.</summary>
public sealed record DeactivationReport(Domain.Users.User User, Domain.Users.User HandedOverTo, int CustomersHandedOver);
