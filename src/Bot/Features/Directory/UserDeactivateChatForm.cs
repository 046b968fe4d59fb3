using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// "Deactivate" on a user card as a form (<see cref="UserFormCards.Deactivate"/>): who takes over the customers, named
/// by work e-mail or name, for admins only. Checked by <see cref="UserWrites.CheckDeactivationAsync"/> (the last admin
/// stays; the colleague must be active and able to own customers), the same check the deactivation runs; it carries
/// the user's version and refuses a submission after someone else's change. A valid one becomes the form's press.
/// </summary>
public sealed class UserDeactivateChatForm(UserForms forms, UserWrites writes) : IChatForm
{
    public const string FormName = "user-deactivate";

    public string Name => FormName;

    public string GeneralField => UserFormCards.HandOverTo;

    public string? OpenVerb => UserActions.DeactivateVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role != UserRole.Admin || (await forms.LoadAsync(arguments, context.CancellationToken)).User is not { } user)
            return null;
        var customers = await forms.CustomersOfAsync(user, context.CancellationToken);
        return new ChatFormView(UserFormCards.Deactivate(user, forms.VersionOf(user), customers, null, context.Language), forms.State(user));
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var submitted = await forms.ReadSubmissionAsync(context, values, state, GeneralField);
        if (submitted is not { User: { } user, Refusal: null })
            return submitted.Refusal!;
        var named = values.GetValueOrDefault(UserFormCards.HandOverTo);
        var heir = await forms.FindAsync(named, context.CancellationToken);
        var problems = (await writes.CheckDeactivationAsync(user, heir, context.CancellationToken)).ToList();
        if (heir is null && !string.IsNullOrWhiteSpace(named))
            problems = [.. problems.Where(p => p.Field != UserFormCards.HandOverTo), DirectoryAdminGate.NobodyCalled(named)];
        return problems.Count == 0
            ? ChatFormOutcome.Act(UserActions.LeaveVerb, submitted.Values)
            : ChatFormOutcome.Invalid(UserForms.Errors(problems, context.Language, GeneralField, [GeneralField]));
    }
}
