using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// "admin users [team]" (the directory, with Add user, Edit and Deactivate), "admin user add" (the add form) and
/// "admin user &lt;name or e-mail&gt;" (that user's card). Reached through "admin", which has already refused anyone who
/// is not an admin; each view is audited.
/// </summary>
public sealed class UserAdminCommand(UserDirectoryReader directory, AdminUserFinder finder, UserForms forms, AuditTrail audit) : IAdminSubcommand
{
    private static readonly HashSet<string> ListWords = new(StringComparer.Ordinal) { "users", "usuarios" };
    private static readonly HashSet<string> AddWords = new(StringComparer.Ordinal) { "add", "new", "nuevo", "nueva", "anadir", "alta" };

    public IReadOnlyList<string> Words { get; } = ["users", "usuarios", "user", "usuario"];

    /// <summary>True for "user add" / "usuario nuevo" (what follows "admin"): the add form is asked for.</summary>
    public static bool AsksForAddForm(IReadOnlyList<string> words) =>
        words is [var user, var add] && SearchText.Fold(user) is "user" or "usuario" && AddWords.Contains(SearchText.Fold(add));

    public async Task RunAsync(TurnContext context, string word, IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rest);
        var language = context.Language;
        var text = string.Join(' ', rest);
        if (ListWords.Contains(word))
        {
            var team = text.Length == 0 ? null : text;
            audit.Record(context, AuditAction.ViewedDirectory, team is null ? "users" : "users of a team");
            context.Show(UserCards.List(await directory.ListAsync(team, context.CancellationToken), team, language));
            return;
        }
        if (AsksForAddForm([word, .. rest]))
        {
            context.Show(UserFormCards.Profile(null, null, language));
            return;
        }
        if (text.Length == 0)
        {
            context.Say("Write \"admin user add\", or \"admin user <name or e-mail>\" for one user's card.",
                "Escribe \"admin usuario nuevo\", o \"admin usuario <nombre o e-mail>\" para la ficha de un usuario.");
            return;
        }
        var match = await finder.FindAsync(text, context.CancellationToken);
        if (match.Users.Count == 0)
        {
            context.Say($"No ChatCrm user matches \"{UserInput.Cut(text)}\". Type \"admin users\" for the directory.",
                $"Ningún usuario de ChatCrm coincide con \"{UserInput.Cut(text)}\". Escribe \"admin usuarios\" para ver el directorio.");
            return;
        }
        if (match.Only is not { } user)
        {
            context.Show(UserCards.Choose(match.Users, UserInput.Cut(text), language));
            return;
        }
        audit.Record(context, AuditAction.ViewedDirectory, $"user {user.Id}");
        context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language));
    }
}
