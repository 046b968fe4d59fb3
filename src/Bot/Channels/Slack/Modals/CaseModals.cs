using ChatCrm.Bot.Features.Cases;
using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The case modals' two moments that must happen inside Slack's 3 seconds. Opening: the trigger id is good for
/// 3 seconds and once, so the modal is opened from the request (bounded by <see cref="ModalOpener.Patience"/>); when
/// the person may not see the case, or Slack refuses, the caller hands the press to the worker instead, which answers
/// in chat (with the refusal, audited, or the chat edit form). Submitting: the form is checked at once (reads only) and
/// wrong fields are answered with <c>response_action: errors</c>; a valid form becomes one inbox item, done by the
/// worker through the same <see cref="CaseWorkCommand"/> as a button press, and confirmed in a direct message.
/// </summary>
public sealed class CaseModals(
    SlackPeople people, CrmDbContext db, CustomerAccess access, CaseEditForm form, ModalOpener modals, SlackIntake intake)
{
    public async Task<bool> TryOpenEditAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TriggerId is null || await ContextAsync(payload, cancellationToken) is not { } context)
            return false;
        var number = CaseWorkCommand.Normalize(payload.Values.GetValueOrDefault(CaseDetailCards.CaseKey));
        var supportCase = number is null ? null
            : await db.SupportCases.AsNoTracking().Include(c => c.History).FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (supportCase is null || supportCase.Status == CaseStatus.Closed || !await MaySeeAsync(context, supportCase, cancellationToken))
            return false;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == supportCase.CustomerId).Select(c => c.DisplayName).FirstAsync(cancellationToken);
        var agents = await form.AgentsAsync(CaseModal.MaxAgents, cancellationToken);
        return await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, CaseModal.Edit(supportCase, customer, agents, context.Language), "case", cancellationToken);
    }

    /// <summary>"/crm case new &lt;customer&gt;" without a title: the new-case modal, the customer filled in.</summary>
    public async Task<bool> TryOpenNewAsync(SlackWorkspace workspace, string userId, string triggerId, string? customerQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var user = await people.FindAsync(workspace.TeamId!, userId, null, cancellationToken);
        if (user is null || !NeedToKnowPolicy.MayWorkCases(user))
            return false;
        return await modals.TryOpenAsync(workspace, triggerId, CaseModal.New(customerQuery, LocalizedText.LanguageFor(user.Locale)), "new case", cancellationToken);
    }

    public async Task<IResult> SubmitAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.ViewId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A view_submission needs team, user and view id.");
        var context = await ContextAsync(payload, cancellationToken);
        var firstField = payload.CallbackId == CaseModal.NewCallbackId ? CaseModal.CustomerField : CaseDetailCards.StatusField;
        if (context is null)
            return Errors(new() { [firstField] = AccessRefusals.NotInDirectoryInBothLanguages });
        var language = context.Language;
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
            return Errors(new() { [firstField] = language.Pick("Your role does not work on cases.", "Tu rol no trabaja con casos.") });

        SlackInboxItem work;
        if (payload.CallbackId == CaseModal.NewCallbackId)
        {
            var customer = payload.Values.GetValueOrDefault(CaseModal.CustomerField)?.Trim() ?? string.Empty;
            var title = payload.Values.GetValueOrDefault(CaseModal.TitleField)?.Trim() ?? string.Empty;
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (customer.Length == 0 || customer.Contains('|', StringComparison.Ordinal))
                errors[CaseModal.CustomerField] = language.Pick("Name the customer (without \"|\").", "Indica el cliente (sin \"|\").");
            if (title.Length == 0)
                errors[CaseModal.TitleField] = language.Pick("Say what the problem is.", "Indica cuál es el problema.");
            else if (title.Length > SupportCase.MaxTitleLength)
                errors[CaseModal.TitleField] = language.Pick($"The title is {title.Length} characters long; up to {SupportCase.MaxTitleLength} fit.",
                    $"El título tiene {title.Length} caracteres; caben hasta {SupportCase.MaxTitleLength}.");
            if (errors.Count > 0)
                return Errors(errors);
            work = Direct(payload, text: $"case new {customer} | {title}", verb: null, values: null);
        }
        else
        {
            var (number, seen) = Metadata(payload.PrivateMetadata);
            var supportCase = number is null ? null
                : await db.SupportCases.AsNoTracking().Include(c => c.History).FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
            if (supportCase is null || !await MaySeeAsync(context, supportCase, cancellationToken))
                return Errors(new() { [firstField] = language.Pick("This case is not available to you.", "Este caso no está disponible para ti.") });
            if (seen != supportCase.History.Count)
                return Errors(new() { [firstField] = language.Pick("Someone changed this case since you opened the form: cancel and open it again.",
                    "Alguien cambió este caso desde que abriste el formulario: cancela y ábrelo de nuevo.") });
            var decision = await form.ReadAsync(context.User, language, supportCase, payload.Values, cancellationToken);
            if (decision.Edit is not { } edit)
                return Errors(new Dictionary<string, string>(decision.Errors));
            var values = new Dictionary<string, string>(edit.ToValues(), StringComparer.Ordinal)
            {
                [CaseDetailCards.CaseKey] = supportCase.Number,
                [CaseDetailCards.SeenKey] = CaseDetailCards.Seen(supportCase),
                [CaseDetailCards.OperationKey] = "update",
            };
            work = Direct(payload, text: null, CaseDetailCards.ActVerb, values);
        }
        await intake.AcceptAsync("view_submission", $"view:{payload.TeamId}:{payload.ViewId}", work, retryNumber, cancellationToken);
        return Results.Ok(); // an empty 200 closes the modal
    }

    private static SlackInboxItem Direct(InteractionPayload payload, string? text, string? verb, IReadOnlyDictionary<string, string>? values) => new()
    {
        Kind = SlackInboxItemKind.DirectTurn,
        TeamId = payload.TeamId!,
        EnterpriseId = payload.EnterpriseId,
        UserId = payload.UserId!,
        UserName = payload.UserName,
        Text = text,
        Verb = verb,
        Values = values,
    };

    private static (string? Number, int Seen) Metadata(string? metadata)
    {
        var parts = (metadata ?? string.Empty).Split('|');
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seen)
            ? (CaseWorkCommand.Normalize(parts[0]), seen)
            : (null, -1);
    }

    private static IResult Errors(Dictionary<string, string> errors) => Results.Json(ModalBlocks.Errors(errors));

    private async Task<TurnContext?> ContextAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.TeamId is null || payload.UserId is null)
            return null;
        var user = await people.FindAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken);
        return user is null ? null : new TurnContext(SlackPeople.Turn(payload.TeamId, payload.UserId, payload.UserName), user, cancellationToken);
    }

    /// <summary>Need-to-know for the case's customer; refusals are answered (and audited) by the worker, not here.</summary>
    private async Task<bool> MaySeeAsync(TurnContext context, SupportCase supportCase, CancellationToken cancellationToken)
    {
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
            return false;
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, cancellationToken);
        return (await access.GrantAsync(context, customer)).Allows(Domain.Access.CustomerField.Cases);
    }
}
