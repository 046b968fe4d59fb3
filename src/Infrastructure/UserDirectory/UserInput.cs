using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Reads the directory's fields as a person or a file writes them, each check naming its field: a work e-mail
/// (normalised as every e-mail in ChatCrm is), a role (its name, <c>SalesRep</c>, or the chat words, <c>rep</c>,
/// <c>comercial</c>), an IANA time zone this machine knows and a language (<c>es</c>, <c>es-ES</c>).
/// </summary>
public static class UserInput
{
    public const string RoleNames = "SalesRep, SupportAgent, Manager, Admin, PrivacyOfficer";

    public static string? Email(string? text, string field, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return IdentityNormalizer.Normalize(IdentityKind.Email, text) is { Length: <= User.MaxEmailLength } email
                ? email
                : Add(problems, field, $"is longer than {User.MaxEmailLength} characters.");
        }
        catch (DomainRuleException problem)
        {
            return Add(problems, field, problem.Message);
        }
    }

    public static UserRole? Role(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Enum.TryParse<UserRole>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _))
            return role;
        if (RoleChangeRule.TryParse(text, out role))
            return role;
        Add(problems, "role", $"'{text}' is not a role; the roles are {RoleNames}.");
        return null;
    }

    public static string? TimeZone(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var id = text?.Trim();
        if (!string.IsNullOrEmpty(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        return Add(problems, "timeZone", $"'{text}' is not a time zone this server knows; use an IANA id such as Europe/Madrid.");
    }

    /// <summary>A language ("es") or a language and region ("es-ES"), stored as the user's locale.</summary>
    public static string? Language(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var parts = (text?.Trim() ?? string.Empty).Replace('_', '-').Split('-');
        try
        {
            var language = LanguageCode.Parse(parts[0]).Value;
            if (parts.Length == 1)
                return language;
            if (parts is [_, { Length: 2 } region] && region.All(char.IsAsciiLetter))
                return $"{language}-{region.ToUpperInvariant()}";
        }
        catch (DomainRuleException)
        {
            // Answered below, with the field.
        }
        return Add(problems, "language", $"'{text}' is not a language; use a two-letter code such as es or en, or es-ES.");
    }

    public static string? Name(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
            return Add(problems, "name", "is required.");
        return name.Length > User.MaxNameLength ? Add(problems, "name", $"is longer than {User.MaxNameLength} characters.") : name;
    }

    /// <summary>A team name; blank means none.</summary>
    public static string? Team(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var team = text?.Trim();
        if (string.IsNullOrEmpty(team))
            return null;
        return team.Length > 100 ? Add(problems, "team", "is longer than 100 characters.") : team;
    }

    private static string? Add(List<DirectoryProblem> problems, string field, string message)
    {
        problems.Add(new DirectoryProblem(field, message));
        return null;
    }
}
