namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// A user from the company directory, found by <paramref name="ExternalId"/> (the directory's id) when given, else by
/// work <paramref name="Email"/>. <paramref name="Role"/> is a role's name ("SalesRep", "manager", "admin"…);
/// <paramref name="Manager"/> is the manager's work e-mail or directory id (a manager in the same batch is found too);
/// <paramref name="TimeZone"/> an IANA id ("Europe/Madrid"); <paramref name="Language"/> a locale ("es-ES").
/// </summary>
public sealed record UserIntake(
    string? ExternalId,
    string? Email,
    string? Name,
    string? Role,
    string? Team,
    string? Manager,
    string? TimeZone,
    string? Language);
