using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// "Add user" as a form (<see cref="UserFormCards.Profile"/>): opened by the list's Add user button or by
/// "admin user add", for admins only, and checked by <see cref="UserWrites.CheckAddAsync"/> — the same check the save
/// runs — with each problem under its field. A valid submission becomes the form's Save press.
/// </summary>
public sealed class UserAddChatForm(UserWrites writes) : IChatForm
{
    public const string FormName = "user-add";

    public string Name => FormName;

    public string GeneralField => UserFormCards.Name;

    public string? OpenVerb => UserActions.NewVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return command.Verb == "admin" && UserAdminCommand.AsksForAddForm(words) ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
    }

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.User.Role == UserRole.Admin ? new ChatFormView(UserFormCards.Profile(null, null, context.Language)) : null);
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (context.User.Role != UserRole.Admin)
            return ChatFormOutcome.Invalid(GeneralField, DirectoryAdminGate.Refusal.In(context.Language));
        var check = await writes.CheckAddAsync(UserForms.NewUser(UserFormValues.Of(values)), context.CancellationToken);
        return check.Succeeded
            ? ChatFormOutcome.Act(UserActions.SaveVerb, values)
            : ChatFormOutcome.Invalid(UserForms.Errors(check.Problems, context.Language, GeneralField, UserForms.ProfileFields));
    }
}
