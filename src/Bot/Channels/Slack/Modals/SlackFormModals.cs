using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Commands;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The features' forms (<see cref="IChatForm"/>) as Slack modals, protocol only. A modal's <c>callback_id</c> is
/// "<c>chatcrm-</c>" and the form's name, which routes its submission back to the form. Opening (the trigger id is good
/// for 3 seconds and once) renders the form's card with <see cref="BlockKitModalRenderer"/>; a form the person may not
/// use is not opened, and the caller lets the worker answer in chat instead. Submitting asks the form to check the
/// values (reads only): errors are answered with <c>response_action: errors</c> under their fields; a valid form becomes
/// one inbox item (keyed by the view, so a retry is dropped), done by the worker and answered in a direct message.
/// Shortcuts find their form here too (<see cref="ForShortcut"/>), by the ids the forms declare.
/// </summary>
public sealed class SlackFormModals(SlackPeople people, IEnumerable<IChatForm> forms, ModalOpener modals, SlackIntake intake)
    : ISlackViewSubmission, ISlackModalButton
{
    public const string CallbackPrefix = "chatcrm-";

    private readonly Dictionary<string, IChatForm> _forms = forms.ToDictionary(f => CallbackPrefix + f.Name, StringComparer.Ordinal);

    /// <summary>Every form's modal.</summary>
    public IReadOnlyList<string> CallbackIds => [.. _forms.Keys];

    /// <summary>The modal's <c>callback_id</c> and the form a shortcut opens (by the manifest's id), or null when no form declares it.</summary>
    public (string CallbackId, IChatForm Form)? ForShortcut(string? shortcutId, bool onMessage)
    {
        foreach (var (callbackId, form) in _forms)
        {
            if (form.Shortcuts.Any(s => s.Id == shortcutId && s.OnMessage == onMessage))
                return (callbackId, form);
        }
        return null;
    }

    /// <summary>The buttons that open a form ("Edit" on a case card).</summary>
    public IReadOnlyList<string> Verbs => [.. _forms.Values.Select(f => f.OpenVerb).OfType<string>()];

    /// <summary>A button press that opens a form: the form whose <see cref="IChatForm.OpenVerb"/> it is, with the button's data.</summary>
    public Task<bool> TryOpenAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var form = _forms.FirstOrDefault(f => f.Value.OpenVerb is { } verb && verb == payload.Verb).Key;
        return payload is { TriggerId: { } trigger, TeamId: { } team, UserId: { } user } && form is not null
            ? TryOpenAsync(form, payload.Workspace, team, user, payload.UserName, trigger, payload.Values, cancellationToken)
            : Task.FromResult(false);
    }

    /// <summary>A slash command that asks for a form ("case new &lt;customer&gt;" without a title); false when none does or it cannot be opened.</summary>
    public Task<bool> TryOpenForCommandAsync(SlashCommand command, ParsedCommand parsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (callbackId, form) in _forms)
        {
            if (form.ArgumentsFor(parsed) is { } arguments)
                return TryOpenAsync(callbackId, command.Workspace, command.TeamId, command.UserId, null, command.TriggerId, arguments, cancellationToken);
        }
        return Task.FromResult(false);
    }

    /// <summary>Opens the form named by <paramref name="callbackId"/> for the person; false when it cannot be shown or Slack refused.</summary>
    public async Task<bool> TryOpenAsync(string callbackId, SlackWorkspace workspace, string teamId, string userId, string? userName, string triggerId,
        IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!_forms.TryGetValue(callbackId, out var form) || await ContextAsync(teamId, userId, userName, cancellationToken) is not { } context)
            return false;
        if (await form.OpenAsync(context, arguments) is not { } view)
            return false;
        return await TryOpenAsync(callbackId, form, view, workspace, triggerId, context.Language, cancellationToken);
    }

    /// <summary>Renders a form's view as its modal and opens it with the trigger id; false when Slack refused or was slow.</summary>
    public Task<bool> TryOpenAsync(string callbackId, IChatForm form, ChatFormView view, SlackWorkspace workspace, string triggerId, LanguageCode language,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(view);
        var modal = BlockKitModalRenderer.Render(view.Form, callbackId, view.State, language);
        return modals.TryOpenAsync(workspace, triggerId, modal, form.Name, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.ViewId is null || payload.CallbackId is null
            || !_forms.TryGetValue(payload.CallbackId, out var form))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A view_submission needs team, user and view id.");
        if (await ContextAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken) is not { } context)
            return Errors(ChatFormOutcome.Invalid(form.GeneralField, AccessRefusals.NotInDirectoryInBothLanguages));
        var outcome = await form.SubmitAsync(context, payload.Values, payload.PrivateMetadata);
        if (!outcome.IsValid)
            return Errors(outcome);
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Text = outcome.Text,
            Verb = outcome.Action?.Verb,
            Values = outcome.Action?.Values,
        };
        await intake.AcceptAsync("view_submission", $"view:{payload.TeamId}:{payload.ViewId}", work, retryNumber, cancellationToken);
        return Results.Ok(); // an empty 200 closes the modal
    }

    private static IResult Errors(ChatFormOutcome outcome) => Results.Json(ModalBlocks.Errors(outcome.Errors));

    /// <summary>The person as a turn context (need-to-know, audit, language), or null for someone ChatCrm does not know.</summary>
    public async Task<TurnContext?> ContextAsync(string teamId, string userId, string? userName, CancellationToken cancellationToken)
    {
        var user = await people.FindAsync(teamId, userId, userName, cancellationToken);
        return user is null ? null : new TurnContext(SlackPeople.Turn(teamId, userId, userName), user, cancellationToken);
    }
}
