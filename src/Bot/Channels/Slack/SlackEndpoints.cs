using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Channels.Slack.Commands;
using ChatCrm.Bot.Channels.Slack.Events;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Modals;
using ChatCrm.Bot.Channels.Slack.Shortcuts;
using ChatCrm.Bot.Conversations;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/events</c> and <c>/slack/interactions</c>. Each checks the signature over
/// the raw body, stores the work in the inbox (a retry or second delivery is recognised and dropped), wakes the worker
/// and answers at once: the database work and the Web API calls happen after the acknowledgement, so Slack's
/// 3-second limit holds however slow they are. Two exceptions must answer within the request: a feature's form
/// (<see cref="SlackFormModals"/>: <c>/crm log</c>, edit from a case card, <c>/crm case new</c> without a title, the App Home's
/// search, and the shortcuts through <see cref="SlackShortcuts"/>) is opened as a modal with the trigger id (bounded, falling
/// back to chat), and a submitted form is checked so its errors show per field. Answers: 401 unsigned, 413 oversized, 400 unreadable, else 200.
/// </summary>
public static partial class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack").DisableAntiforgery();
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/interactions", InteractionsAsync);
        return endpoints;
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackRequestReader reader, SlackIntake intake, ResponseUrlPolicy responseUrls,
        SlackFormModals forms, SlackAckDeadline deadline, CommandRegistry commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await reader.ReadAsync(http.Request, SlackBody.Form, cancellationToken);
        if (problem is not null)
            return problem;
        if (SlashCommand.Parse(request!.Body, out var unreadable) is not { } command)
            return BadRequest(unreadable!);
        if (!responseUrls.Allows(command.ResponseUrl))
            return BadRequest("The response_url is not a Slack address.");
        // A command that asks for a feature's form ("log", "case new <customer>" without a title) opens its modal now, as
        // the trigger id expires in 3 seconds; if that fails (or the person may not use it), the command runs in chat.
        if (commands.Parse(command.Text) is { } asked && await BeforeDeadlineAsync(deadline, token => forms.TryOpenForCommandAsync(command, asked, token), cancellationToken))
            return Results.Ok();
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.Turn,
            TeamId = command.TeamId,
            EnterpriseId = command.EnterpriseId,
            UserId = command.UserId,
            UserName = command.UserName,
            ChannelId = command.ChannelId,
            Text = string.IsNullOrWhiteSpace(command.Text) ? "help" : command.Text.Trim(),
            ResponseUrl = command.ResponseUrl,
        };
        await intake.AcceptAsync("command", $"command:{command.TeamId}:{command.TriggerId}", work, request.RetryNumber, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackRequestReader reader, SlackIntake intake, CancellationToken cancellationToken)
    {
        var (request, problem) = await reader.ReadAsync(http.Request, SlackBody.Json, cancellationToken);
        if (problem is not null)
            return problem;
        if (SlackEventEnvelope.Parse(request!.Body, out var unreadable) is not { } envelope)
            return BadRequest(unreadable!);
        if (envelope.Type == SlackEventEnvelope.UrlVerification)
            return envelope.Challenge is { } challenge ? Results.Json(new { challenge }) : BadRequest("A url_verification needs a challenge.");
        if (envelope.Event is not { } slackEvent)
            return Results.Ok();

        SlackInboxItem? work = null;
        if (slackEvent.IsPersonTalkingToBot)
        {
            work = new SlackInboxItem
            {
                Kind = SlackInboxItemKind.Turn,
                TeamId = envelope.TeamId!,
                EnterpriseId = envelope.EnterpriseId,
                UserId = slackEvent.User!,
                ChannelId = slackEvent.Channel,
                Text = SlackMessageText.Clean(slackEvent.Text),
            };
        }
        else if (slackEvent.IsHomeOpened)
        {
            work = new SlackInboxItem { Kind = SlackInboxItemKind.Home, TeamId = envelope.TeamId!, EnterpriseId = envelope.EnterpriseId, UserId = slackEvent.User! };
        }
        else if (slackEvent.RetiresWorkspace)
        {
            work = new SlackInboxItem { Kind = SlackInboxItemKind.Uninstall, TeamId = envelope.TeamId!, EnterpriseId = envelope.EnterpriseId, UserId = string.Empty, Text = slackEvent.Type };
        }
        if (work is not null)
            await intake.AcceptAsync("event", $"event:{envelope.EventId}", work, request.RetryNumber, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackRequestReader reader, SlackIntake intake, ResponseUrlPolicy responseUrls,
        SlackInteractionRoutes routes, SlackShortcuts shortcuts, SlackAckDeadline deadline, CancellationToken cancellationToken)
    {
        var (request, problem) = await reader.ReadAsync(http.Request, SlackBody.Form, cancellationToken);
        if (problem is not null)
            return problem;
        if (InteractionPayload.Parse(request!.Body, out var unreadable) is not { } payload)
            return BadRequest(unreadable!);
        // A shortcut opens its modal now, with the trigger id (it expires in 3 seconds); past the ack deadline the
        // trigger is as good as spent, so the request is answered and the user may simply try again.
        if (ShortcutPayload.IsShortcut(payload.Type))
        {
            if (ShortcutPayload.Parse(request.Body, out var notShortcut) is not { } shortcut)
                return BadRequest(notShortcut!);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                return await shortcuts.HandleAsync(shortcut, request.RetryNumber, bounded.Token);
            }
            catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Results.Ok();
            }
        }
        // A submitted modal goes to the handler registered for its callback_id; one ChatCrm did not open is just acknowledged.
        if (payload.Type == InteractionPayload.ViewSubmission)
            return routes.Submission(payload.CallbackId) is { } submission ? await submission.SubmitAsync(payload, request.RetryNumber, cancellationToken) : Results.Ok();
        if (payload.Type != InteractionPayload.BlockActions || payload.Verb is null)
            return Results.Ok(); // a link button, or an interaction ChatCrm does not offer
        if (payload.TeamId is null || payload.UserId is null || payload.DedupKey is null)
            return BadRequest("A block_actions payload needs team, user and trigger_id.");
        if (payload.ResponseUrl is not null && !responseUrls.Allows(payload.ResponseUrl))
            return BadRequest("The response_url is not a Slack address.");
        // A button that opens a modal ("Edit" on a case card, "Search customers" on the App Home) does it now, as the trigger
        // id expires; if it cannot, the press goes to the worker, which answers in chat.
        if (routes.Button(payload.Verb) is { } button && await BeforeDeadlineAsync(deadline, token => button.TryOpenAsync(payload, token), cancellationToken))
            return Results.Ok();
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.Turn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            ChannelId = payload.ChannelId,
            Verb = payload.Verb,
            Values = payload.Values,
            ResponseUrl = payload.ResponseUrl,
        };
        await intake.AcceptAsync("interaction", payload.DedupKey, work, request.RetryNumber, cancellationToken);
        return Results.Ok();
    }

    /// <summary>
    /// A modal attempt that must finish before the ack deadline (its database look-up can be slow): when the budget is
    /// spent it is cancelled and counts as not opened, so the request falls back to the chat dialog and is still answered in time.
    /// </summary>
    private static async Task<bool> BeforeDeadlineAsync(SlackAckDeadline deadline, Func<CancellationToken, Task<bool>> attempt, CancellationToken requestAborted)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, deadline.Token);
        try
        {
            return await attempt(bounded.Token);
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: detail);
}
