using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Modals;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Channels.Slack.Shortcuts;

/// <summary>
/// The app's shortcuts (declared in <c>manifests/slack/manifest.yaml</c>): "Log an interaction" from the shortcut menu
/// and "Log this message" on a message. Both open the log modal with the shortcut's trigger id inside the request (it
/// expires in 3 seconds), so the submission is the log modal's usual one: checked field by field, customer resolved
/// under need-to-know, logged by the worker. Every other answer is a small modal too, because a global shortcut has
/// no channel to answer in: only the person who used the shortcut sees it. A user mistake is never an HTTP error.
/// </summary>
public sealed partial class SlackShortcuts(SlackPeople people, ModalOpener modals, SlackIntake intake, CrmDbContext db, ILogger<SlackShortcuts> logger)
{
    public const string LogInteraction = "log_interaction";
    public const string LogMessage = "log_message";

    /// <summary>The callback ids ChatCrm answers; the manifest's shortcuts must use exactly these.</summary>
    public static IReadOnlyList<string> CallbackIds { get; } = [LogInteraction, LogMessage];

    public async Task<IResult> HandleAsync(ShortcutPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.TriggerId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A shortcut needs team, user and trigger_id.");

        var user = await people.FindAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken);
        if (user is null)
        {
            await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, ShortcutNotice.View(ShortcutNotice.NoAccess, language: null), "shortcut notice", cancellationToken);
            return Results.Ok();
        }
        var language = LocalizedText.LanguageFor(user.Locale);
        var known = (payload.Type, payload.CallbackId) is (ShortcutPayload.Global, LogInteraction) or (ShortcutPayload.OnMessage, LogMessage);
        if (!known)
        {
            LogUnknownShortcut(logger, payload.Type, payload.CallbackId?.Length > 60 ? payload.CallbackId[..60] : payload.CallbackId);
            await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, ShortcutNotice.View(ShortcutNotice.Unknown(payload.CallbackId), language), "shortcut notice", cancellationToken);
            return Results.Ok();
        }

        // As the log modal's submission would refuse them: better said now than after they have filled it in.
        if (!NeedToKnowPolicy.MayLogInteractions(user) || !NeedToKnowPolicy.MayLookUpCustomers(user))
        {
            await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, ShortcutNotice.View(ShortcutNotice.MayNotLog, language), "shortcut notice", cancellationToken);
            return Results.Ok();
        }

        var prefill = payload.Message is { } message ? await FromMessageAsync(message, cancellationToken) : new LogModalPrefill(Customer: null);
        if (await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, LogModal.View(prefill, language), "log", cancellationToken))
            return Results.Ok();
        // Slack refused or was slow: the step-by-step log dialog in the person's direct message, so they still get an answer.
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Text = prefill.Customer is { } customer ? $"log {customer}" : "log",
        };
        await intake.AcceptAsync("shortcut", $"shortcut:{payload.TeamId}:{payload.TriggerId}", work, retryNumber, cancellationToken);
        return Results.Ok();
    }

    /// <summary>
    /// The message as a chat on Slack; its author as the customer when their Slack account is a customer's handle
    /// (written as the handle, which the validator resolves with the usual need-to-know check on submission).
    /// </summary>
    private async Task<LogModalPrefill> FromMessageAsync(ShortcutMessage message, CancellationToken cancellationToken)
    {
        var (summary, note) = MessageSummary.From(message.Text);
        var customer = await CustomerHandleAsync(message, cancellationToken);
        return new LogModalPrefill(customer, summary, note, InteractionKind.Chat, InteractionChannel.Slack);
    }

    private async Task<string?> CustomerHandleAsync(ShortcutMessage message, CancellationToken cancellationToken)
    {
        if (message is not { AuthorUserId: { } userId, AuthorTeamId: { } teamId }
            || !userId.All(char.IsAsciiLetterOrDigit) || !teamId.All(char.IsAsciiLetterOrDigit))
            return null;
        var handle = IdentityNormalizer.Normalize(IdentityKind.SlackUser, new SlackUserKey(teamId, userId).ToString());
        var known = await db.CustomerIdentities.AnyAsync(i => i.Kind == IdentityKind.SlackUser && i.Value == handle, cancellationToken);
        return known ? handle : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Type} with callback id {CallbackId} that ChatCrm does not offer; the manifest may be out of date")]
    private static partial void LogUnknownShortcut(ILogger logger, string type, string? callbackId);
}
