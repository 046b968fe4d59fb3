using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// "Edit case" as a form filled in at once (a Slack modal): <see cref="CaseDetailCards.Edit"/>, the same card Teams
/// shows. It opens only for someone who may see the case (a refusal
/// is answered and audited by the chat turn instead), carries the case number and the history length it was built from
/// as its state, and refuses a submission after someone else's change. A valid submission becomes the same
/// <see cref="CaseDetailCards.ActVerb"/> press as on the case card, read by <see cref="CaseEditForm"/>.
/// </summary>
public sealed class CaseEditChatForm(CrmDbContext db, CustomerAccess access, CaseEditForm form) : IChatForm
{
    public const string FormName = "case-edit";

    public string Name => FormName;

    public string GeneralField => CaseDetailCards.StatusField;

    /// <summary>"Edit" on a case card.</summary>
    public string? OpenVerb => CaseDetailCards.EditVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        var cancellationToken = context.CancellationToken;
        var supportCase = await CaseAsync(CaseWorkCommand.Normalize(arguments.GetValueOrDefault(CaseDetailCards.CaseKey)), cancellationToken);
        if (supportCase is null || supportCase.Status == CaseStatus.Closed || !await MaySeeAsync(context, supportCase))
            return null;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == supportCase.CustomerId).Select(c => c.DisplayName).FirstAsync(cancellationToken);
        var agents = await form.AgentsAsync(supportCase.AssignedTo, cancellationToken);
        return new ChatFormView(CaseDetailCards.Edit(supportCase, customer, agents, context.Language), $"{supportCase.Number}|{CaseDetailCards.Seen(supportCase)}");
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
            return ChatFormOutcome.Invalid(GeneralField, language.Pick("Your role does not work on cases.", "Tu rol no trabaja con casos."));
        var (number, seen) = State(state);
        var supportCase = await CaseAsync(number, context.CancellationToken);
        if (supportCase is null || !await MaySeeAsync(context, supportCase))
            return ChatFormOutcome.Invalid(GeneralField, language.Pick("This case is not available to you.", "Este caso no está disponible para ti."));
        if (seen != supportCase.History.Count)
            return ChatFormOutcome.Invalid(GeneralField, language.Pick("Someone changed this case since you opened the form: cancel and open it again.",
                "Alguien cambió este caso desde que abriste el formulario: cancela y ábrelo de nuevo."));
        var decision = await form.ReadAsync(context.User, language, supportCase, values, context.CancellationToken);
        if (decision.Edit is not { } edit)
            return ChatFormOutcome.Invalid(decision.Errors);
        return ChatFormOutcome.Act(CaseDetailCards.ActVerb, new Dictionary<string, string>(edit.ToValues(), StringComparer.Ordinal)
        {
            [CaseDetailCards.CaseKey] = supportCase.Number,
            [CaseDetailCards.SeenKey] = CaseDetailCards.Seen(supportCase),
            [CaseDetailCards.OperationKey] = "update",
        });
    }

    private Task<SupportCase?> CaseAsync(string? number, CancellationToken cancellationToken) => number is null
        ? Task.FromResult<SupportCase?>(null)
        : db.SupportCases.AsNoTracking().Include(c => c.History).FirstOrDefaultAsync(c => c.Number == number, cancellationToken);

    private static (string? Number, int Seen) State(string? state)
    {
        var parts = (state ?? string.Empty).Split('|');
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seen)
            ? (CaseWorkCommand.Normalize(parts[0]), seen)
            : (null, -1);
    }

    /// <summary>Need-to-know for the case's customer; refusals are answered (and audited) by the chat turn, not here.</summary>
    private async Task<bool> MaySeeAsync(TurnContext context, SupportCase supportCase)
    {
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
            return false;
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, context.CancellationToken);
        return (await access.GrantAsync(context, customer)).Allows(CustomerField.Cases);
    }
}
