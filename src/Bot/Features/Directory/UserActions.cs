using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// The buttons of the admin's user cards and forms. Show, Add user, Edit and Deactivate show a card or a form (on Slack
/// the last three open a modal instead, through the forms); Save and Deactivate on a form write through
/// <see cref="UserWrites"/>, which checks everything again (the values come from the client) and audits the change with
/// the turn. An edit carries the version of the user it was built from: if someone changed the user meanwhile, nothing
/// is saved and the user is shown as they are now. Two saves that cross (two admins, two instances) are refused by
/// the database; the turn then runs once more and answers the same way.
/// </summary>
public sealed class UserActions(UserForms forms, UserWrites writes, RoleGrants grants, DirectoryAdminGate gate) : ICardAction
{
    public const string ShowVerb = "admin-user-show";
    public const string NewVerb = "admin-user-new";
    public const string EditVerb = "admin-user-edit";
    public const string DeactivateVerb = "admin-user-deactivate";
    public const string SaveVerb = "admin-user-save";
    public const string LeaveVerb = "admin-user-leave";

    public static IReadOnlyList<string> ActionVerbs { get; } = [ShowVerb, NewVerb, EditVerb, DeactivateVerb, SaveVerb, LeaveVerb];

    /// <summary>A save of a known user that lost a race is run again: it then finds the newer version and says so.</summary>
    public static bool RetriesAfterConflict(CardAction action) =>
        action is { Verb: SaveVerb or LeaveVerb } && action.Value(UserFormCards.UserKey) is not null;

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (!gate.Allows(context, action.Verb))
            return;
        if (action.Verb == NewVerb)
        {
            context.Show(UserFormCards.Profile(null, null, context.Language));
            return;
        }
        if (action.Verb == SaveVerb && action.Value(UserFormCards.UserKey) is null)
        {
            await AddAsync(context, action);
            return;
        }
        var (user, version) = await forms.LoadAsync(action.Values, context.CancellationToken);
        var language = context.Language;
        if (user is null)
        {
            context.Say(UserCards.Gone);
            return;
        }
        if (version is { } seen && seen != forms.VersionOf(user))
        {
            context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language, UserCards.Changed.In(language)));
            return;
        }
        switch (action.Verb)
        {
            case ShowVerb:
                context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language));
                return;
            case EditVerb:
                var values = UserFormValues.Of(user, await forms.ManagerEmailAsync(user, context.CancellationToken));
                context.Show(UserFormCards.Profile(values, (user, forms.VersionOf(user)), language));
                return;
            case DeactivateVerb:
                context.Show(UserFormCards.Deactivate(user, forms.VersionOf(user), await forms.CustomersOfAsync(user, context.CancellationToken), null, language));
                return;
            case SaveVerb:
                await ChangeAsync(context, action, user, version ?? forms.VersionOf(user));
                return;
            default:
                await LeaveAsync(context, action, user, version ?? forms.VersionOf(user));
                return;
        }
    }

    private async Task AddAsync(TurnContext context, CardAction action)
    {
        var values = UserFormValues.Of(action.Values);
        var result = await writes.AddAsync(UserForms.NewUser(values), UserForms.Actor(context), context.CancellationToken);
        var language = context.Language;
        if (result.Value is not { } user)
        {
            context.Show(UserFormCards.Profile(values, null, language, UserForms.Errors(result.Problems, language, UserFormCards.Name, UserForms.ProfileFields)));
            return;
        }
        writes.StageAudit();
        context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language, language.Pick(
            $"Added {user.DisplayName}. Their Teams or Slack account is linked on their first message to the bot (Slack by this e-mail).",
            $"{user.DisplayName} añadido. Su cuenta de Teams o Slack se vincula en su primer mensaje al bot (Slack por este correo).")));
    }

    private async Task ChangeAsync(TurnContext context, CardAction action, Domain.Users.User user, long version)
    {
        var values = UserFormValues.Of(action.Values);
        writes.ExpectVersion(user, version);
        var result = await writes.ChangeAsync(user, UserForms.Changes(values), UserForms.Actor(context), context.CancellationToken);
        var language = context.Language;
        if (!result.Succeeded)
        {
            context.Show(UserFormCards.Profile(values, (user, version), language, UserForms.Errors(result.Problems, language, UserFormCards.Name, UserForms.ProfileFields)));
            return;
        }
        writes.StageAudit();
        var notice = grants.Staged.Count > 0 ? RoleGrantWording.Waiting(user.DisplayName).In(language)
            : result.Value ? language.Pick($"Saved {user.DisplayName}.", $"{user.DisplayName} guardado.") : language.Pick("Nothing to change.", "No hay nada que cambiar.");
        context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language, notice));
    }

    private async Task LeaveAsync(TurnContext context, CardAction action, Domain.Users.User user, long version)
    {
        var named = action.Value(UserFormCards.HandOverTo);
        var heir = await forms.FindAsync(named, context.CancellationToken);
        writes.ExpectVersion(user, version);
        var result = await writes.DeactivateAsync(user, heir, UserForms.Actor(context), context.CancellationToken);
        var language = context.Language;
        if (result.Value is not { } report)
        {
            var problems = heir is null && !string.IsNullOrWhiteSpace(named)
                ? result.Problems.Where(p => p.Field != UserFormCards.HandOverTo).Append(DirectoryAdminGate.NobodyCalled(named))
                : result.Problems;
            var errors = UserForms.Errors(problems, language, UserFormCards.HandOverTo, [UserFormCards.HandOverTo]);
            context.Show(UserFormCards.Deactivate(user, version, await forms.CustomersOfAsync(user, context.CancellationToken), named, language, errors));
            return;
        }
        context.Show(UserCards.Detail(user, await forms.ManagerEmailAsync(user, context.CancellationToken), language, language.Pick(
            $"{user.DisplayName} is deactivated; {report.CustomersHandedOver} customer(s) handed over to {report.HandedOverTo.DisplayName}.",
            $"{user.DisplayName} está dado de baja; {report.CustomersHandedOver} cliente(s) pasan a {report.HandedOverTo.DisplayName}.")));
    }
}
