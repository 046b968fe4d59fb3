using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Creates or updates users from the company directory (the file import, the REST API): found by directory id, else by
/// work e-mail, then written through <see cref="UserWrites"/>, the one write path of users — the same checks,
/// normalisation, role rules (the last admin is not demoted) and audit as the command line and the admin's chat forms.
/// What is particular to a directory feed stays here: many rows per save, a manager named in the same batch (by e-mail
/// or directory id), a blank team or manager leaving what is stored. Changes are staged; the caller saves.
/// </summary>
public sealed class UserDirectoryUpsert(CrmDbContext db, UserWrites writes)
{
    public const string DefaultLanguage = "en-US";

    public Task<IntakeResult> StageAsync(UserIntake row, CancellationToken ct) => StageAsync(row, DirectoryActor.Import, ct);

    public async Task<IntakeResult> StageAsync(UserIntake row, DirectoryActor actor, CancellationToken ct) => (await StageAsync([row], actor, ct))[0];

    public Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<UserIntake> rows, CancellationToken ct) => StageAsync(rows, DirectoryActor.Import, ct);

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<UserIntake> rows, DirectoryActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = rows.Select(Candidate.From).ToList();
        var ids = candidates.Select(c => c.ExternalId).OfType<string>().Distinct().ToList();
        var emails = candidates.Select(c => c.Email).OfType<string>().Distinct().ToList();
        var stored = await db.Users
            .Where(u => (u.ExternalId != null && ids.Contains(u.ExternalId)) || (u.Email != null && emails.Contains(u.Email)))
            .ToListAsync(ct);
        var managersInBatch = candidates.Where(c => c.Problems.Count == 0).SelectMany(c => c.References).ToHashSet(StringComparer.Ordinal);
        var managersStored = await UserReferences.ResolveAsync(db, candidates.Select(c => c.Manager), ct);

        var results = new IntakeResult[rows.Count];
        var staged = new Dictionary<string, User>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var problems = candidate.Problems;
            if (candidate.Key is { } key && !seen.Add(key))
                problems.Add(new FieldError(candidate.ExternalId is null ? "email" : "externalId", $"'{FieldChecks.Cut(key)}' appears more than once"));
            if (candidate.Manager is { } manager && !managersInBatch.Contains(manager)
                && !(managersStored.TryGetValue(manager, out var found) && found is not null))
                problems.Add(new FieldError("manager", UserReferences.Problem(manager, managersStored.ContainsKey(manager))));
            var matches = Match(stored, candidate);
            if (matches.Count > 1)
                problems.Add(new FieldError("email", $"'{FieldChecks.Cut(candidate.Email!)}' is the e-mail of more than one user; name the user by their directory id"));
            var user = matches.Count == 1 ? matches[0] : null;
            var row = rows[i];
            var outcome = await WriteAsync(user, row, candidate, actor, ct);
            if (outcome.Errors.Count > 0)
            {
                results[i] = IntakeResult.Rejected(outcome.Errors);
                continue;
            }
            foreach (var reference in candidate.References)
                staged[reference] = outcome.User!;
            results[i] = IntakeResult.Stored(outcome.Outcome, outcome.User!.Id.Value);
        }
        AssignManagers(candidates, results, staged, managersStored, actor);
        writes.StageAudit();
        return results;
    }

    /// <summary>The row written through <see cref="UserWrites"/>, or every error (the row's own and the directory's), nothing staged.</summary>
    private async Task<(User? User, IntakeOutcome Outcome, IReadOnlyList<FieldError> Errors)> WriteAsync(User? user, UserIntake row, Candidate candidate,
        DirectoryActor actor, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(row.Language) ? DefaultLanguage : row.Language;
        var team = string.IsNullOrWhiteSpace(row.Team) ? null : row.Team;
        if (user is null)
        {
            var request = new NewUser(row.Email, row.Name, row.Role, team, null, row.TimeZone ?? string.Empty, language, row.ExternalId);
            if (candidate.Problems.Count > 0)
                return (null, IntakeOutcome.Rejected, Merge(candidate.Problems, (await writes.CheckAddAsync(request, ct)).Problems));
            var added = await writes.AddAsync(request, actor, ct);
            return added.Value is { } created ? (created, IntakeOutcome.Created, []) : (null, IntakeOutcome.Rejected, Merge([], added.Problems));
        }
        var changes = new UserChanges(candidate.Email, row.Name ?? string.Empty, row.Role ?? string.Empty, team, null, row.TimeZone ?? string.Empty, language,
            ExternalId: candidate.ExternalId);
        if (candidate.Problems.Count > 0)
            return (null, IntakeOutcome.Rejected, Merge(candidate.Problems, (await writes.CheckChangeAsync(user, changes, ct)).Problems));
        var changed = await writes.ChangeAsync(user, changes, actor, ct);
        return changed.Succeeded
            ? (user, changed.Value ? IntakeOutcome.Updated : IntakeOutcome.Unchanged, [])
            : (null, IntakeOutcome.Rejected, Merge([], changed.Problems));
    }

    /// <summary>The row's errors and the directory's, each field's message once, named as the import and the API name fields.</summary>
    private static List<FieldError> Merge(IEnumerable<FieldError> own, IEnumerable<DirectoryProblem> directory)
    {
        var errors = own.ToList();
        foreach (var problem in directory)
        {
            var field = problem.Field == "newEmail" ? "email" : problem.Field;
            if (!errors.Any(e => e.Field == field))
                errors.Add(new FieldError(field, problem.Message.TrimEnd('.')));
        }
        return errors;
    }

    /// <summary>Second pass, once every user of the batch exists: who reports to whom.</summary>
    private void AssignManagers(List<Candidate> candidates, IntakeResult[] results, Dictionary<string, User> staged, Dictionary<string, UserId?> stored,
        DirectoryActor actor)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (results[i].IsRejected || candidates[i].Manager is not { } reference)
                continue;
            var user = staged[candidates[i].References[0]];
            var manager = staged.TryGetValue(reference, out var inBatch) ? inBatch.Id : stored.GetValueOrDefault(reference);
            if (manager is null || user.ManagerId == manager)
                continue;
            if (writes.ReportTo(user, manager, actor) is { } problem)
            {
                results[i] = results[i] with { Warnings = [.. results[i].Warnings, $"manager: {problem.Message.TrimEnd('.')}; left as it was"] };
                continue;
            }
            if (results[i].Outcome == IntakeOutcome.Unchanged)
                results[i] = results[i] with { Outcome = IntakeOutcome.Updated };
        }
    }

    private static List<User> Match(List<User> stored, Candidate candidate)
    {
        if (candidate.ExternalId is { } externalId && stored.FirstOrDefault(u => u.ExternalId == externalId) is { } byId)
            return [byId];
        return candidate.Email is { } email
            ? stored.Where(u => u.Email == email && (u.ExternalId is null || candidate.ExternalId is null)).ToList()
            : [];
    }

    /// <summary>What a row is matched and keyed by (its directory id and e-mail, read by <see cref="UserInput"/>), and what a feed requires.</summary>
    private sealed record Candidate(List<FieldError> Problems, string? ExternalId, string? Email, string? Manager)
    {
        /// <summary>The directory id when given, else the e-mail: what the batch is keyed by.</summary>
        public string? Key => ExternalId ?? Email;

        /// <summary>Every way a manager column may name this user.</summary>
        public IReadOnlyList<string> References => [.. new[] { ExternalId, Email }.OfType<string>()];

        public static Candidate From(UserIntake row)
        {
            ArgumentNullException.ThrowIfNull(row);
            var problems = new List<DirectoryProblem>();
            var externalId = UserInput.ExternalId(row.ExternalId, problems);
            var email = string.IsNullOrWhiteSpace(row.Email) ? null : UserInput.Email(row.Email, "email", problems);
            var errors = problems.Select(p => new FieldError(p.Field, p.Message.TrimEnd('.'))).ToList();
            if (email is null && externalId is null && string.IsNullOrWhiteSpace(row.Email) && string.IsNullOrWhiteSpace(row.ExternalId))
                errors.Add(new FieldError("email", "is required when there is no externalId"));
            if (string.IsNullOrWhiteSpace(row.Role))
                errors.Add(new FieldError("role", "is required"));
            if (string.IsNullOrWhiteSpace(row.TimeZone))
                errors.Add(new FieldError("timeZone", "is required"));
            return new Candidate(errors, externalId, email, ExternalIdText.UserReference(row.Manager));
        }
    }
}
