using System.Globalization;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Creates or updates users from the company directory: found by directory id, else by work e-mail. Today's role rule
/// holds (the last admin is not demoted: <see cref="RoleChangeRule"/>). Managers may be named in the same batch.
/// Blank team or manager leave what is stored as it is. Changes are staged in the context; the caller saves.
/// </summary>
public sealed class UserDirectoryUpsert(CrmDbContext db)
{
    public async Task<IntakeResult> StageAsync(UserIntake row, CancellationToken ct) => (await StageAsync([row], ct))[0];

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<UserIntake> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = rows.Select(CheckedUser.From).ToList();
        var ids = candidates.Select(c => c.ExternalId).OfType<string>().Distinct().ToList();
        var emails = candidates.Select(c => c.Email).OfType<string>().Distinct().ToList();
        var stored = await db.Users
            .Where(u => (u.ExternalId != null && ids.Contains(u.ExternalId)) || (u.Email != null && emails.Contains(u.Email)))
            .ToListAsync(ct);
        var admins = await db.Users.CountAsync(u => u.Role == UserRole.Admin, ct);
        var managersInBatch = candidates.Where(c => !c.Checks.HasErrors).SelectMany(c => c.References).ToHashSet(StringComparer.Ordinal);
        var managersStored = await UserReferences.ResolveAsync(db, candidates.Select(c => c.Manager), ct);

        var results = new IntakeResult[rows.Count];
        var staged = new Dictionary<string, User>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var checks = candidate.Checks;
            if (candidate.Key is { } key && !seen.Add(key))
                checks.Add(candidate.ExternalId is null ? "email" : "externalId", $"'{FieldChecks.Cut(key)}' appears more than once");
            if (candidate.Manager is { } manager && !managersInBatch.Contains(manager)
                && !(managersStored.TryGetValue(manager, out var found) && found is not null))
                checks.Add("manager", UserReferences.Problem(manager, managersStored.ContainsKey(manager)));
            var matches = Match(stored, candidate);
            if (matches.Count > 1)
                checks.Add("email", $"'{FieldChecks.Cut(candidate.Email!)}' is the e-mail of more than one user; name the user by their directory id");
            var user = matches.Count == 1 ? matches[0] : null;
            if (user is not null && !checks.HasErrors && RoleChangeRule.Decide(user, candidate.Role, admins) is { Allowed: false, Reason: { } reason })
                checks.Add("role", reason.English);
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }

            IntakeOutcome outcome;
            if (user is null)
            {
                user = new User(UserId.New(), candidate.Name!, candidate.Role, candidate.Team, candidate.TimeZone!, candidate.Locale!);
                user.UseEmail(candidate.Email);
                user.UseExternalId(candidate.ExternalId);
                db.Users.Add(user);
                outcome = IntakeOutcome.Created;
            }
            else
            {
                outcome = Apply(user, candidate) ? IntakeOutcome.Updated : IntakeOutcome.Unchanged;
            }
            admins += (user.Role == UserRole.Admin ? 1 : 0) - (outcome != IntakeOutcome.Created && WasAdmin(user) ? 1 : 0);
            foreach (var reference in candidate.References)
                staged[reference] = user;
            results[i] = IntakeResult.Stored(outcome, user.Id.Value);
        }
        AssignManagers(candidates, results, staged, managersStored);
        return results;
    }

    private bool WasAdmin(User user) =>
        db.Entry(user).Property(u => u.Role).OriginalValue == UserRole.Admin;

    /// <summary>Second pass, once every user of the batch exists: who reports to whom.</summary>
    private static void AssignManagers(List<CheckedUser> candidates, IntakeResult[] results, Dictionary<string, User> staged, Dictionary<string, UserId?> stored)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (results[i].IsRejected || candidates[i].Manager is not { } reference)
                continue;
            var user = staged[candidates[i].References[0]];
            var manager = staged.TryGetValue(reference, out var inBatch) ? inBatch.Id : stored.GetValueOrDefault(reference);
            if (manager is null || user.ManagerId == manager)
                continue;
            if (manager == user.Id)
            {
                results[i] = results[i] with { Warnings = [.. results[i].Warnings, "manager: a user cannot be their own manager; left as it was"] };
                continue;
            }
            user.ReportTo(manager);
            if (results[i].Outcome == IntakeOutcome.Unchanged)
                results[i] = results[i] with { Outcome = IntakeOutcome.Updated };
        }
    }

    private static List<User> Match(List<User> stored, CheckedUser candidate)
    {
        if (candidate.ExternalId is { } externalId && stored.FirstOrDefault(u => u.ExternalId == externalId) is { } byId)
            return [byId];
        return candidate.Email is { } email
            ? stored.Where(u => u.Email == email && (u.ExternalId is null || candidate.ExternalId is null)).ToList()
            : [];
    }

    private static bool Apply(User user, CheckedUser candidate)
    {
        var changed = false;
        if (user.DisplayName != candidate.Name)
        {
            user.Rename(candidate.Name!);
            changed = true;
        }
        if (user.Role != candidate.Role)
        {
            user.ChangeRole(candidate.Role);
            changed = true;
        }
        if (candidate.Team is not null && user.Team != candidate.Team)
        {
            user.MoveToTeam(candidate.Team);
            changed = true;
        }
        if (user.TimeZone != candidate.TimeZone)
        {
            user.UseTimeZone(candidate.TimeZone!);
            changed = true;
        }
        if (user.Locale != candidate.Locale)
        {
            user.UseLocale(candidate.Locale!);
            changed = true;
        }
        if (candidate.Email is not null && user.Email != candidate.Email)
        {
            user.UseEmail(candidate.Email);
            changed = true;
        }
        if (candidate.ExternalId is not null && user.ExternalId != candidate.ExternalId)
        {
            user.UseExternalId(candidate.ExternalId);
            changed = true;
        }
        return changed;
    }

    private sealed record CheckedUser(FieldChecks Checks, string? ExternalId, string? Email, string? Name, UserRole Role, string? Team, string? Manager, string? TimeZone, string? Locale)
    {
        /// <summary>The directory id when given, else the e-mail: what the batch is keyed by.</summary>
        public string? Key => ExternalId ?? Email;

        /// <summary>Every way a manager column may name this user.</summary>
        public IReadOnlyList<string> References => [.. new[] { ExternalId, Email }.OfType<string>()];

        public static CheckedUser From(UserIntake row)
        {
            ArgumentNullException.ThrowIfNull(row);
            var checks = new FieldChecks();
            var externalId = string.IsNullOrWhiteSpace(row.ExternalId) ? null : ExternalIdText.Check(checks, "externalId", row.ExternalId);
            string? email = null;
            if (!string.IsNullOrWhiteSpace(row.Email))
            {
                email = checks.Parse("email", () => IdentityNormalizer.Normalize(IdentityKind.Email, row.Email));
                if (email is { Length: > User.MaxEmailLength })
                    checks.Add("email", $"is longer than {User.MaxEmailLength} characters");
            }
            else if (externalId is null && string.IsNullOrWhiteSpace(row.ExternalId))
            {
                checks.Add("email", "is required when there is no externalId");
            }
            var name = checks.Required("name", row.Name, User.MaxNameLength);
            UserRole role = default;
            if (string.IsNullOrWhiteSpace(row.Role))
                checks.Add("role", "is required");
            else if (!RoleChangeRule.TryParse(row.Role, out role) && !EnumNames.TryParse(row.Role, out role))
                checks.Add("role", $"'{FieldChecks.Cut(row.Role.Trim())}' is not one of {string.Join(", ", Enum.GetNames<UserRole>())}");
            var team = checks.Optional("team", row.Team, 100);
            var timeZone = checks.Required("timeZone", row.TimeZone, 64);
            if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
                checks.Add("timeZone", $"'{FieldChecks.Cut(timeZone)}' is not an IANA time zone such as Europe/Madrid");
            var locale = string.IsNullOrWhiteSpace(row.Language) ? "en-US" : checks.Required("language", row.Language, 16);
            if (locale is not null && !IsKnownLocale(locale))
                checks.Add("language", $"'{FieldChecks.Cut(locale)}' is not a language such as es-ES or en-GB");
            return new CheckedUser(checks, externalId, email, name, role, team, ExternalIdText.UserReference(row.Manager), timeZone, locale);
        }

        private static bool IsKnownLocale(string locale)
        {
            try
            {
                return CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Name.Length > 0;
            }
            catch (CultureNotFoundException)
            {
                return false;
            }
        }
    }
}
