using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// What the admin's user forms and their buttons share, whichever channel shows them: the form's values read as a
/// request for <see cref="UserWrites"/> (the one write path, which checks them), its problems turned into errors under
/// the form's fields in the reader's language, the user a form is about (with the version it was built from), the
/// colleague named to take over customers, and the actor the audit names.
/// </summary>
public sealed class UserForms(CrmDbContext db, UserDirectoryReader directory, AdminUserFinder finder)
{
    /// <summary>The add form's values as a new user.</summary>
    public static NewUser NewUser(UserFormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new NewUser(values.Email, values.Name, values.Role, values.Team, values.Manager, Blank(values.TimeZone), Blank(values.Language));
    }

    /// <summary>The edit form's values as changes: every field as shown (a blank team or manager clears it; a blank e-mail keeps it).</summary>
    public static UserChanges Changes(UserFormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new UserChanges(Blank(values.Email), values.Name ?? string.Empty, values.Role ?? string.Empty, values.Team ?? string.Empty,
            values.Manager ?? string.Empty, values.TimeZone ?? string.Empty, values.Language ?? string.Empty);
    }

    /// <summary>Each problem under the form field it is about (a problem with no field of its own under <paramref name="general"/>).</summary>
    public static IReadOnlyDictionary<string, string> Errors(IEnumerable<DirectoryProblem> problems, LanguageCode language, string general,
        IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var field = problem.Field == "newEmail" ? UserFormCards.Email : problem.Field;
            field = fields.Contains(field) ? field : general;
            var text = problem.Text.In(language);
            errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {text}" : Sentence(field, text, language);
        }
        return errors;
    }

    public static IReadOnlyCollection<string> ProfileFields { get; } =
        [UserFormCards.Name, UserFormCards.Email, UserFormCards.Role, UserFormCards.Team, UserFormCards.Manager, UserFormCards.TimeZone, UserFormCards.Language];

    /// <summary>The user a form or button names (tracked, to be changed), and the version the form carried (null when it carried none).</summary>
    public async Task<(User? User, long? Version)> LoadAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(UserFormCards.UserKey, out var text) || !Guid.TryParse(text, out var id))
            return (null, null);
        var userId = new UserId(id);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        long? version = values.TryGetValue(UserFormCards.VersionKey, out var carried)
            && long.TryParse(carried, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return (user, version);
    }

    public long VersionOf(User user) => directory.VersionOf(user);

    /// <summary>The values a form carries to its submission: the user and the version it was built from.</summary>
    public string State(User user) => $"{user.Id.Value}|{VersionOf(user).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A form's state back as values (see <see cref="State"/>).</summary>
    public static Dictionary<string, string> FromState(string? state, IReadOnlyDictionary<string, string> values)
    {
        var all = new Dictionary<string, string>(values, StringComparer.Ordinal);
        if (state?.Split('|') is [var user, var version])
        {
            all[UserFormCards.UserKey] = user;
            all[UserFormCards.VersionKey] = version;
        }
        return all;
    }

    /// <summary>
    /// What every user form checks first on submission: the sender is an admin, the user the form was opened for is still
    /// there, and nobody changed them since (the version the form carried). Either the user (tracked) and the form's
    /// values with its state, or the refusal under <paramref name="generalField"/>.
    /// </summary>
    public async Task<SubmittedUserForm> ReadSubmissionAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state,
        string generalField)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var language = context.Language;
        if (context.User.Role != UserRole.Admin)
            return SubmittedUserForm.Refused(ChatFormOutcome.Invalid(generalField, DirectoryAdminGate.Refusal.In(language)));
        var all = FromState(state, values);
        var (user, version) = await LoadAsync(all, context.CancellationToken);
        if (user is null)
            return SubmittedUserForm.Refused(ChatFormOutcome.Invalid(generalField, UserCards.Gone.In(language)));
        if (version != VersionOf(user))
            return SubmittedUserForm.Refused(ChatFormOutcome.Invalid(generalField, Stale.In(language)));
        return new SubmittedUserForm(user, all, null);
    }

    /// <summary>What the user forms say when the user changed after the form was opened.</summary>
    public static LocalizedText Stale { get; } = new(
        "Someone changed this user meanwhile: cancel and open it again to see them as they are now.",
        "Alguien cambió este usuario mientras tanto: cancela y ábrelo de nuevo para verlo como está ahora.");

    /// <summary>The one active or inactive user named by work e-mail or name; null when none or several fit.</summary>
    public async Task<User?> FindAsync(string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text) ? null : (await finder.FindAsync(text, cancellationToken)).Only;

    public Task<int> CustomersOfAsync(User user, CancellationToken cancellationToken) =>
        db.Customers.CountAsync(c => c.OwnerId == user.Id, cancellationToken);

    public async Task<string?> ManagerEmailAsync(User user, CancellationToken cancellationToken) => user.ManagerId is { } manager
        ? await db.Users.Where(u => u.Id == manager).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
        : null;

    /// <summary>The admin making the change, for the audit trail.</summary>
    public static DirectoryActor Actor(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DirectoryActor(context.User.Id, context.Turn.Channel.ToString());
    }

    /// <summary>"is required." becomes "The name is required.": a field's own problems are worded without its name.</summary>
    private static string Sentence(string field, string text, LanguageCode language)
    {
        if (!text.StartsWith("is ", StringComparison.Ordinal) && !text.StartsWith("es ", StringComparison.Ordinal) && !text.StartsWith("tiene ", StringComparison.Ordinal))
            return text;
        var subject = field switch
        {
            UserFormCards.Name => language.Pick("The name", "El nombre"),
            UserFormCards.Email => language.Pick("The work e-mail", "El correo de trabajo"),
            UserFormCards.Team => language.Pick("The team", "El equipo"),
            UserFormCards.Manager => language.Pick("The manager's e-mail", "El correo del responsable"),
            UserFormCards.HandOverTo => language.Pick("The colleague", "La persona"),
            _ => language.Pick("This field", "Este campo"),
        };
        return $"{subject} {text}";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>A user form's submission as <see cref="UserForms.ReadSubmissionAsync"/> read it: the user and all values, or the refusal.</summary>
public sealed record SubmittedUserForm(User? User, IReadOnlyDictionary<string, string> Values, ChatFormOutcome? Refusal)
{
    public static SubmittedUserForm Refused(ChatFormOutcome refusal) => new(null, new Dictionary<string, string>(), refusal);
}
