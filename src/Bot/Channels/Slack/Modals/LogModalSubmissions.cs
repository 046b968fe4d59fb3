using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// Answers a submitted log modal inside Slack's 3 seconds: the form is checked at once (one user and one customer
/// lookup, no writes) and wrong fields are answered with <c>response_action: errors</c>, which keeps the modal open
/// with the person's input. A valid form is stored as one inbox item (keyed by the view, so a retry is dropped) and
/// the modal closes; the worker logs the interaction and confirms in a direct message.
/// </summary>
public sealed class LogModalSubmissions(SlackPeople people, LogFormValidator validator, SlackIntake intake)
{
    public async Task<IResult> HandleAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.ViewId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A view_submission needs team, user and view id.");

        var user = await people.FindAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken);
        if (user is null)
        {
            return Results.Json(ModalBlocks.Errors(new Dictionary<string, string>
            {
                [LogForm.Customer] = AccessRefusals.NotInDirectoryInBothLanguages,
            }));
        }

        var decision = await validator.ValidateAsync(user, LogModal.Input(payload.Values), cancellationToken);
        if (decision.Entry is not { } entry)
            return Results.Json(ModalBlocks.Errors(decision.ErrorsIn(LocalizedText.LanguageFor(user.Locale))));

        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Verb = LogForm.SubmitVerb,
            Values = LogForm.ToValues(entry),
        };
        await intake.AcceptAsync("view_submission", $"view:{payload.TeamId}:{payload.ViewId}", work, retryNumber, cancellationToken);
        return Results.Ok(); // an empty 200 closes the modal
    }
}
