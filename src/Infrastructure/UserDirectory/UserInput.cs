using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Reads the directory's fields as a person, a form or a file writes them, each check naming its field — the one
/// validation and normalisation of a user, whatever writes it: a work e-mail (normalised as every e-mail in ChatCrm is),
/// a role (its name, <c>SalesRep</c>, <c>sales rep</c>, or the chat words, <c>rep</c>, <c>comercial</c>), an IANA time
/// zone this machine knows (stored by its IANA id), a language (<c>es</c>, <c>es-ES</c>) and a directory id.
/// </summary>
public static class UserInput
{
    public const string RoleNames = "SalesRep, SupportAgent, Manager, Admin, PrivacyOfficer";
    public const int MaxTeamLength = 100;

    public static string? Email(string? text, string field, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
            return Add(problems, field, "is required.", "es obligatorio.");
        try
        {
            return IdentityNormalizer.Normalize(IdentityKind.Email, text) is { Length: <= User.MaxEmailLength } email
                ? email
                : Add(problems, field, $"is longer than {User.MaxEmailLength} characters.", $"tiene más de {User.MaxEmailLength} caracteres.");
        }
        catch (DomainRuleException)
        {
            return Add(problems, field, $"'{Cut(text)}' is not an e-mail address.", $"«{Cut(text)}» no es una dirección de correo.");
        }
    }

    public static UserRole? Role(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var compact = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')));
        if (compact.Length > 0 && char.IsAsciiLetter(compact[0]) && Enum.TryParse<UserRole>(compact, ignoreCase: true, out var role) && Enum.IsDefined(role))
            return role;
        if (RoleChangeRule.TryParse(text, out role))
            return role;
        Add(problems, "role", $"'{Cut(text)}' is not a role; the roles are {RoleNames}.",
            $"«{Cut(text)}» no es un rol; los roles son {RoleChangeRule.KnownWords.Spanish}.");
        return null;
    }

    public static string? TimeZone(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var id = text?.Trim();
        if (!string.IsNullOrEmpty(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        return Add(problems, "timeZone", $"'{Cut(text)}' is not a time zone this server knows; use an IANA id such as Europe/Madrid.",
            $"«{Cut(text)}» no es una zona horaria que conozca este servidor; usa un id IANA como Europe/Madrid.");
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
        return Add(problems, "language", $"'{Cut(text)}' is not a language; use a two-letter code such as es or en, or es-ES.",
            $"«{Cut(text)}» no es un idioma; usa un código de dos letras como es o en, o es-ES.");
    }

    public static string? Name(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
            return Add(problems, "name", "is required.", "es obligatorio.");
        return name.Length > User.MaxNameLength
            ? Add(problems, "name", $"is longer than {User.MaxNameLength} characters.", $"tiene más de {User.MaxNameLength} caracteres.")
            : name;
    }

    /// <summary>A team name; blank means none.</summary>
    public static string? Team(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var team = text?.Trim();
        if (string.IsNullOrEmpty(team))
            return null;
        return team.Length > MaxTeamLength
            ? Add(problems, "team", $"is longer than {MaxTeamLength} characters.", $"tiene más de {MaxTeamLength} caracteres.")
            : team;
    }

    /// <summary>The id in the company directory, normalised like every external id (upper case, no spaces); blank means none.</summary>
    public static string? ExternalId(string? text, List<DirectoryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return IdentityNormalizer.Normalize(IdentityKind.ExternalId, text) is { Length: <= User.MaxExternalIdLength } id
                ? id
                : Add(problems, "externalId", $"is longer than {User.MaxExternalIdLength} characters.", $"tiene más de {User.MaxExternalIdLength} caracteres.");
        }
        catch (DomainRuleException problem)
        {
            return Add(problems, "externalId", problem.Message, problem.Message);
        }
    }

    /// <summary>Text shown back in a message, cut so that a huge value does not make a huge report.</summary>
    public static string Cut(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length <= 60 ? trimmed : trimmed[..57] + "…";
    }

    private static string? Add(List<DirectoryProblem> problems, string field, string english, string spanish)
    {
        problems.Add(new DirectoryProblem(field, english, spanish));
        return null;
    }
}
