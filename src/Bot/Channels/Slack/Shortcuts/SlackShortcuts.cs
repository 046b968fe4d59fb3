using ChatCrm.Bot.Channels.Slack.Events;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Modals;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Bot.Logging;

namespace ChatCrm.Bot.Channels.Slack.Shortcuts;

/// <summary>
/// The app's shortcuts (declared in <c>manifests/slack/manifest.yaml</c>), protocol only: a shortcut opens the feature
/// form that declares its <c>callback_id</c> (<see cref="IChatForm.Shortcuts"/>), as a modal with the shortcut's trigger
/// id inside the request (it expires in 3 seconds), so the submission is that form's usual one. A message shortcut
/// hands the form the message (its text as a person reads it, and its author's Slack id); the form decides what to fill
/// in and who may use it. Every other answer is a small modal, because a global shortcut has no channel to answer in:
/// only the person who used it sees it. A user mistake is never an HTTP error.
/// </summary>
public sealed partial class SlackShortcuts(SlackFormModals forms, ModalOpener modals, SlackIntake intake, ILogger<SlackShortcuts> logger)
{
    public async Task<IResult> HandleAsync(ShortcutPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.TriggerId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A shortcut needs team, user and trigger_id.");

        if (await forms.ContextAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken) is not { } context)
            return await NoticeAsync(payload, ShortcutNotice.View(ShortcutNotice.NoAccess, language: null), cancellationToken);
        var language = context.Language;
        if (forms.ForShortcut(payload.CallbackId, payload.Type == ShortcutPayload.OnMessage) is not var (callbackId, form))
        {
            LogUnknownShortcut(logger, payload.Type, payload.CallbackId);
            return await NoticeAsync(payload, ShortcutNotice.View(ShortcutNotice.Unknown(payload.CallbackId), language), cancellationToken);
        }
        // Better said now than after they have filled the form in.
        if (form.RefusalFor(context) is { } refusal)
            return await NoticeAsync(payload, ShortcutNotice.View(refusal, language), cancellationToken);
        if (await form.OpenAsync(context, Arguments(payload.Message)) is not { } view)
            return await NoticeAsync(payload, ShortcutNotice.View(ShortcutNotice.NotAvailable, language), cancellationToken);
        if (await forms.TryOpenAsync(callbackId, form, view, payload.Workspace, payload.TriggerId, language, cancellationToken) || view.Fallback is null)
            return Results.Ok();
        // Slack refused or was slow: the same in the person's direct message, so they still get an answer.
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Text = view.Fallback,
        };
        await intake.AcceptAsync("shortcut", $"shortcut:{payload.TeamId}:{payload.TriggerId}", work, retryNumber, cancellationToken);
        return Results.Ok();
    }

    /// <summary>The message a message shortcut was used on, as the form's arguments: its text without Slack's markup, and its author.</summary>
    private static Dictionary<string, string> Arguments(ShortcutMessage? message)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message is null)
            return arguments;
        arguments[ChatFormArguments.MessageText] = SlackMessageText.Clean(message.Text);
        // A bot's message has no author; ids are checked before they become a key.
        if (message is { AuthorUserId: { } userId, AuthorTeamId: { } teamId }
            && userId.All(char.IsAsciiLetterOrDigit) && teamId.All(char.IsAsciiLetterOrDigit))
            arguments[ChatFormArguments.MessageAuthor] = new SlackUserKey(teamId, userId).ToString();
        return arguments;
    }

    private async Task<IResult> NoticeAsync(ShortcutPayload payload, System.Text.Json.Nodes.JsonObject notice, CancellationToken cancellationToken)
    {
        await modals.TryOpenAsync(payload.Workspace, payload.TriggerId!, notice, "shortcut notice", cancellationToken);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Type} with callback id {CallbackId} that ChatCrm does not offer; the manifest may be out of date")]
    private static partial void LogUnknownShortcut(ILogger logger, LoggedText type, LoggedText callbackId);
}
