using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// "Edit" on a user card as a form (<see cref="UserFormCards.Profile"/> filled in with the user as stored), for admins
/// only. It carries the user and their version as its state: a submission after someone else's change is refused
/// (open it again to see the user as they are now); otherwise it is checked by <see cref="UserWrites.CheckChangeAsync"/>,
/// the same check the save runs, with each problem under its field. A valid submission becomes the form's Save press.
/// </summary>
public sealed class UserEditChatForm(UserForms forms, UserWrites writes) : IChatForm
{
    public const string FormName = "user-edit";

    public string Name => FormName;

    public string GeneralField => UserFormCards.Name;

    public string? OpenVerb => UserActions.EditVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role != UserRole.Admin || (await forms.LoadAsync(arguments, context.CancellationToken)).User is not { } user)
            return null;
        var values = UserFormValues.Of(user, await forms.ManagerEmailAsync(user, context.CancellationToken));
        return new ChatFormView(UserFormCards.Profile(values, (user, forms.VersionOf(user)), context.Language), forms.State(user));
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var submitted = await forms.ReadSubmissionAsync(context, values, state, GeneralField);
        if (submitted is not { User: { } user, Refusal: null })
            return submitted.Refusal!;
        var check = await writes.CheckChangeAsync(user, UserForms.Changes(UserFormValues.Of(values)), context.CancellationToken);
        return check.Succeeded
            ? ChatFormOutcome.Act(UserActions.SaveVerb, submitted.Values)
            : ChatFormOutcome.Invalid(UserForms.Errors(check.Problems, context.Language, GeneralField, UserForms.ProfileFields));
    }
}
