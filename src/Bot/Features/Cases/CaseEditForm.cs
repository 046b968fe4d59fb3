using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// A checked change of a case: the values to set (null: leave as it is). <see cref="Unassign"/> hands the case to
/// the work group alone.
/// </summary>
public sealed record CaseEdit(CaseStatus? Status, string? Note, CasePriority? Priority, UserId? Assignee, bool Unassign, string? WorkGroup)
{
    /// <summary>The edit as card values, so a checked Slack modal can travel to the worker as one button press.</summary>
    public IReadOnlyDictionary<string, string> ToValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Status is { } status)
            values[CaseDetailCards.StatusField] = status.ToString();
        if (Note is { } note)
            values[CaseDetailCards.NoteField] = note;
        if (Priority is { } priority)
            values[CaseDetailCards.PriorityField] = priority.ToString();
        if (Unassign)
            values[CaseDetailCards.AssigneeField] = CaseEditForm.Nobody;
        else if (Assignee is { } assignee)
            values[CaseDetailCards.AssigneeField] = assignee.Value.ToString();
        if (WorkGroup is { } group)
            values[CaseDetailCards.GroupField] = group;
        return values;
    }
}

/// <summary>The edit, or a message per wrong field (keyed by field name, in the reader's language).</summary>
public sealed record CaseEditDecision(CaseEdit? Edit, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Reads the case edit form, wherever it was filled in (the Teams edit card, a Slack modal's selects, a typed
/// command): status and note, priority (the enum name or an English/Spanish word), assignee (a user id, a name, "me"
/// or "nobody"), work group. Every field is checked and every problem named, so a modal can show each under its field.
/// An assignee must be a ChatCrm user who may work cases. Reads only; nothing is changed here.
/// </summary>
public sealed class CaseEditForm(CrmDbContext db)
{
    public const string Nobody = "-";

    private static readonly Dictionary<string, CasePriority> PriorityWords = new(StringComparer.Ordinal)
    {
        ["low"] = CasePriority.Low, ["baja"] = CasePriority.Low,
        ["normal"] = CasePriority.Normal, ["media"] = CasePriority.Normal,
        ["high"] = CasePriority.High, ["alta"] = CasePriority.High,
        ["urgent"] = CasePriority.Urgent, ["urgente"] = CasePriority.Urgent,
    };

    private static readonly HashSet<string> MeWords = new(StringComparer.Ordinal) { "me", "myself", "yo", "mi" };
    private static readonly HashSet<string> NobodyWords = new(StringComparer.Ordinal) { Nobody, "nobody", "none", "nadie", "ninguno" };

    public async Task<CaseEditDecision> ReadAsync(User actor, LanguageCode language, SupportCase supportCase, IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        CaseStatus? status = null;
        if (Value(CaseDetailCards.StatusField) is { } statusText)
        {
            if (!Enum.TryParse<CaseStatus>(statusText, out var wanted) || !Enum.IsDefined(wanted))
                errors[CaseDetailCards.StatusField] = language.Pick("Choose a status from the list.", "Elige un estado de la lista.");
            else if (wanted != supportCase.Status && CaseTransitions.Check(supportCase.Number, supportCase.Status, wanted) is { Allowed: false } refused)
                errors[CaseDetailCards.StatusField] = refused.Reason.In(language);
            else if (wanted != supportCase.Status)
                status = wanted;
        }
        var note = Value(CaseDetailCards.NoteField);
        if (note is { Length: > SupportCase.MaxNoteLength })
            errors[CaseDetailCards.NoteField] = language.Pick($"The note is {note.Length} characters long; up to {SupportCase.MaxNoteLength} fit.",
                $"La nota tiene {note.Length} caracteres; caben hasta {SupportCase.MaxNoteLength}.");
        else if (status == CaseStatus.Resolved && note is null)
            errors[CaseDetailCards.NoteField] = language.Pick("Say how it was resolved: a resolution note is needed.", "Indica cómo se resolvió: hace falta una nota.");

        CasePriority? priority = null;
        if (Value(CaseDetailCards.PriorityField) is { } priorityText)
        {
            if (Enum.TryParse<CasePriority>(priorityText, out var named) && Enum.IsDefined(named) && !int.TryParse(priorityText, out _))
                priority = named;
            else if (PriorityWords.TryGetValue(SearchText.Fold(priorityText), out var worded))
                priority = worded;
            else
                errors[CaseDetailCards.PriorityField] = language.Pick("Priority is low, normal, high or urgent.", "La prioridad es baja, normal, alta o urgente.");
        }

        UserId? assignee = null;
        var unassign = false;
        if (Value(CaseDetailCards.AssigneeField) is { } who)
        {
            var folded = SearchText.Fold(who);
            if (NobodyWords.Contains(who) || NobodyWords.Contains(folded))
                unassign = true;
            else if (MeWords.Contains(folded))
                assignee = actor.Id;
            else if (await FindAgentAsync(who, cancellationToken) is { } found)
            {
                if (NeedToKnowPolicy.MayWorkCases(found))
                    assignee = found.Id;
                else
                    errors[CaseDetailCards.AssigneeField] = language.Pick($"{found.DisplayName} does not work on cases.", $"{found.DisplayName} no trabaja con casos.");
            }
            else
            {
                errors[CaseDetailCards.AssigneeField] = language.Pick($"No single ChatCrm user is called \"{who}\".", $"Ningún usuario de ChatCrm se llama \"{who}\".");
            }
        }

        var group = Value(CaseDetailCards.GroupField);
        if (group is { Length: > SupportCase.MaxWorkGroupLength })
            errors[CaseDetailCards.GroupField] = language.Pick($"A work group name has up to {SupportCase.MaxWorkGroupLength} characters.",
                $"Un grupo de trabajo tiene hasta {SupportCase.MaxWorkGroupLength} caracteres.");
        if (group == supportCase.WorkGroup)
            group = null;

        return errors.Count > 0
            ? new CaseEditDecision(null, errors)
            : new CaseEditDecision(new CaseEdit(status, note, priority, assignee, unassign, group), errors);
    }

    /// <summary>
    /// The users a case may be assigned to (for a select), by name, at most <see cref="CaseDetailCards.MaxAgents"/>; the
    /// current assignee always among them, so that saving the form unchanged never unassigns the case.
    /// </summary>
    public async Task<List<User>> AgentsAsync(UserId? current, CancellationToken cancellationToken)
    {
        var agents = await db.Users.AsNoTracking()
            .Where(u => u.Role == UserRole.SupportAgent || u.Role == UserRole.SalesRep || u.Role == UserRole.Manager)
            .OrderBy(u => u.DisplayName).Take(CaseDetailCards.MaxAgents).ToListAsync(cancellationToken);
        if (current is { } id && agents.All(a => a.Id != id) && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } assignee)
            agents = [assignee, .. agents.Take(CaseDetailCards.MaxAgents - 1)];
        return agents;
    }

    /// <summary>A user by id, or by a name that folds to exactly one user's name.</summary>
    private async Task<User?> FindAgentAsync(string who, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(who, out var id))
        {
            var userId = new UserId(id);
            return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        }
        var folded = SearchText.Fold(who);
        // Users are few (staff, not customers): comparing folded names in memory is exact and portable.
        var matches = (await db.Users.AsNoTracking().ToListAsync(cancellationToken)).Where(u => SearchText.Fold(u.DisplayName) == folded).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
