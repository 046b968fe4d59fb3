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
/// "Edit case" as a form filled in at once (a Slack modal): status with its resolution note, priority, assignee and
/// work group, as choice lists where the choices are known. It opens only for someone who may see the case (a refusal
/// is answered and audited by the chat turn instead), carries the case number and the history length it was built from
/// as its state, and refuses a submission after someone else's change. A valid submission becomes the same
/// <see cref="CaseDetailCards.ActVerb"/> press as on the case card, read by <see cref="CaseEditForm"/>.
/// </summary>
public sealed class CaseEditChatForm(CrmDbContext db, CustomerAccess access, CaseEditForm form) : IChatForm
{
    public const string FormName = "case-edit";

    /// <summary>Up to this many people in the assignee list (a Slack choice list holds 100; one is "nobody").</summary>
    public const int MaxAgents = 99;

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
        var agents = await form.AgentsAsync(MaxAgents, cancellationToken);
        return new ChatFormView(Card(supportCase, customer, agents, context.Language), $"{supportCase.Number}|{CaseDetailCards.Seen(supportCase)}");
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

    /// <summary>The form: the case's customer and title, then the fields each field name of <see cref="CaseDetailCards"/> reads.</summary>
    public static Card Card(SupportCase supportCase, string customerName, IReadOnlyList<User> agents, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(agents);
        var statuses = new[] { supportCase.Status }.Concat(CaseTransitions.Next(supportCase.Status))
            .Select(s => new CardChoice(s.ToString(), CaseTransitions.Name(s).In(language))).ToList();
        var priorities = Enum.GetValues<CasePriority>().Select(p => new CardChoice(p.ToString(), CaseTransitions.Name(p).In(language))).ToList();
        var people = agents.Take(MaxAgents).Select(a => new CardChoice(a.Id.Value.ToString(), a.DisplayName))
            .Append(new CardChoice(CaseEditForm.Nobody, language.Pick("Nobody (work group only)", "Nadie (solo el grupo)"))).ToList();
        var current = supportCase.AssignedTo is { } assignee && agents.Any(a => a.Id == assignee) ? assignee.Value.ToString() : CaseEditForm.Nobody;
        CardBlock[] body =
        [
            new CardText($"{customerName}: {supportCase.Title}", TextEmphasis.Subtle),
            new CardChoiceInput(CaseDetailCards.StatusField, language.Pick("Status", "Estado"), statuses) { Value = supportCase.Status.ToString() },
            new CardTextInput(CaseDetailCards.NoteField, language.Pick("Resolution note (needed to resolve)", "Nota de resolución (necesaria para resolver)"),
                SupportCase.MaxNoteLength, IsMultiline: true, IsRequired: false) { Placeholder = language.Pick("How was it solved?", "¿Cómo se solucionó?") },
            new CardChoiceInput(CaseDetailCards.PriorityField, language.Pick("Priority", "Prioridad"), priorities) { Value = supportCase.Priority.ToString() },
            new CardChoiceInput(CaseDetailCards.AssigneeField, language.Pick("Assignee", "Asignado a"), people) { Value = current },
            new CardTextInput(CaseDetailCards.GroupField, language.Pick("Work group", "Grupo de trabajo"), SupportCase.MaxWorkGroupLength)
            {
                Placeholder = language.Pick("Support, Tier 2, Billing…", "Soporte, Nivel 2, Facturación…"),
                Value = supportCase.WorkGroup,
            },
        ];
        var save = new CardButton(language.Pick("Save", "Guardar"), CaseDetailCards.ActVerb, new Dictionary<string, string>()) { SubmitsInputs = true };
        return new Card(language.Pick($"Edit case {supportCase.Number}", $"Editar {supportCase.Number}"), body, [save]);
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
