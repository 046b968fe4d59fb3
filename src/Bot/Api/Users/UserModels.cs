using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Api.Users;

/// <summary>
/// A user of ChatCrm (a rep, agent, manager, admin or privacy officer) from your directory, found by
/// <c>externalId</c> when given, else by work <c>email</c>. <c>role</c>: SalesRep, SupportAgent, Manager, Admin or
/// PrivacyOfficer; <c>manager</c>: the manager's work e-mail or directory id; <c>timeZone</c>: IANA ("Europe/Madrid");
/// <c>language</c>: a locale ("es-ES").
/// </summary>
public sealed record CreateUserRequest(
    string? ExternalId,
    string? Email,
    string? Name,
    string? Role,
    string? Team,
    string? Manager,
    string? TimeZone,
    string? Language);

/// <summary>A change to a user: fields left out (or null) keep their value; <c>externalId</c> can be set once, not changed.</summary>
public sealed record UpdateUserRequest(
    string? ExternalId,
    string? Email,
    string? Name,
    string? Role,
    string? Team,
    string? Manager,
    string? TimeZone,
    string? Language);

public sealed record UserResponse(Guid Id, string? ExternalId, string? Email, string Name, string Role, string? Team, Guid? ManagerId, string TimeZone, string Language)
{
    public static UserResponse From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id.Value, user.ExternalId, user.Email, user.DisplayName, user.Role.ToString(), user.Team, user.ManagerId?.Value, user.TimeZone, user.Locale);
    }
}

public sealed record UserListResponse(IReadOnlyList<UserResponse> Items, int Offset, bool MoreExist);
