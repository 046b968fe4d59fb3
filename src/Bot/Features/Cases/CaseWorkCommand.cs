using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// Working one support case from chat: "case C-1A2B3C4D" shows its card; the card's buttons (and the edit form) change
/// status, priority, assignee and work group. Every change goes through <see cref="SupportCase"/>'s own methods, so it
/// lands in the permanent history; it is checked against need-to-know (<see cref="CustomerField.Cases"/>), audited,
/// and saved with the turn under optimistic concurrency (a change crossing another is refused by the engine). A press
/// on a card older than the case's history is refused with the current card, so nobody acts on what they did not see.
/// </summary>
public sealed class CaseWorkCommand(CrmDbContext db, CustomerAccess access, AuditTrail audit, CaseEditForm form, SlaTable sla, SlaCalendars calendars,
    TimeProvider clock) : ICardAction
{
    /// <summary>A case card's buttons name their case; a dialog in progress stays.</summary>
    public static IReadOnlyList<string> ActionVerbs { get; } = [CaseDetailCards.ShowVerb, CaseDetailCards.ActVerb, CaseDetailCards.EditVerb];

    public static bool SettlesChoice => true;

    Task ICardAction.HandleAsync(TurnContext context) => RunActionAsync(context);


    /// <summary>True for "C-1A2B3C4D" (or without the "C-"): a case number rather than a customer.</summary>
    public static bool LooksLikeNumber(string? text) => Normalize(text) is not null;

    /// <summary>"c-1a2b3c4d", "1A2B3C4D" → "C-1A2B3C4D"; null when it is not a case number.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.StartsWith("C-", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[2..];
        return trimmed.Length == 8 && trimmed.All(char.IsAsciiHexDigit) ? "C-" + trimmed.ToUpperInvariant() : null;
    }

    /// <summary>True when the turn is a press on a case card's or edit form's button.</summary>
    public static bool IsCaseAction(CardAction? action) =>
        action?.Verb is CaseDetailCards.ShowVerb or CaseDetailCards.ActVerb or CaseDetailCards.EditVerb;

    /// <summary>Runs a press for which <see cref="IsCaseAction"/> is true.</summary>
    public Task RunActionAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Turn.Action?.Verb switch
        {
            CaseDetailCards.ShowVerb => ShowAsync(context, context.Turn.Action.Value(CaseDetailCards.CaseKey)),
            CaseDetailCards.EditVerb => EditAsync(context),
            _ => ActAsync(context),
        };
    }

    public async Task ShowAsync(TurnContext context, string? number)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await LoadAsync(context, number, tracked: false) is not { } loaded)
            return;
        audit.Record(context, AuditAction.ViewedCase, loaded.Case.CustomerId, Shown(loaded));
        context.Show(CaseDetailCards.Detail(await ViewAsync(context, loaded), context.Language));
    }

    /// <summary>The edit form as a card (Teams, or Slack when its modal could not be opened): the one the Slack modal renders too.</summary>
    public async Task EditAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await LoadAsync(context, context.Turn.Action?.Value(CaseDetailCards.CaseKey), tracked: false) is not { } loaded || !await IsCurrentAsync(context, loaded))
            return;
        var agents = await form.AgentsAsync(loaded.Case.AssignedTo, context.CancellationToken);
        context.Show(CaseDetailCards.Edit(loaded.Case, loaded.Customer.DisplayName, agents, context.Language));
    }

    /// <summary>A button of the case card or the edit form: one change, or the reason it was not made.</summary>
    public async Task ActAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (await LoadAsync(context, action.Value(CaseDetailCards.CaseKey), tracked: true) is not { } loaded || !await IsCurrentAsync(context, loaded))
            return;
        var supportCase = loaded.Case;
        var language = context.Language;
        var values = new Dictionary<string, string>(action.Values, StringComparer.Ordinal);
        switch (action.Value(CaseDetailCards.OperationKey))
        {
            case "start": values[CaseDetailCards.StatusField] = nameof(CaseStatus.InProgress); break;
            case "wait": values[CaseDetailCards.StatusField] = nameof(CaseStatus.WaitingOnCustomer); break;
            case "resolve": values[CaseDetailCards.StatusField] = nameof(CaseStatus.Resolved); break;
            case "close": values[CaseDetailCards.StatusField] = nameof(CaseStatus.Closed); break;
            case "reopen": values[CaseDetailCards.StatusField] = nameof(CaseStatus.Open); break;
            case "take": values[CaseDetailCards.AssigneeField] = context.User.Id.Value.ToString(); break;
            case "update": break;
            default:
                context.Say("That button is not one I know. Type \"help\" to see what I can do.", "No conozco ese botón. Escribe \"ayuda\" para ver lo que puedo hacer.");
                return;
        }
        var decision = await form.ReadAsync(context.User, language, supportCase, values, context.CancellationToken);
        if (decision.Edit is not { } edit)
        {
            foreach (var problem in decision.Errors.Values)
                context.Say(problem);
            return;
        }
        var changed = Apply(supportCase, edit, context.User.Id, clock.GetUtcNow());
        if (changed)
            audit.Record(context, AuditAction.ChangedCase, supportCase.CustomerId, Shown(loaded));
        var notice = changed
            ? language.Pick($"Case {supportCase.Number} updated.", $"Caso {supportCase.Number} actualizado.")
            : language.Pick("Nothing to change.", "No hay nada que cambiar.");
        context.Show(CaseDetailCards.Detail(await ViewAsync(context, loaded), language, notice));
    }

    /// <summary>Applies a checked edit through the case's own methods; true when anything changed.</summary>
    private bool Apply(SupportCase supportCase, CaseEdit edit, UserId by, DateTimeOffset now)
    {
        var before = supportCase.History.Count;
        if (edit.Priority is { } priority)
            supportCase.ChangePriority(priority, sla, by, now);
        if (edit.Assignee is not null || edit.Unassign || edit.WorkGroup is not null)
        {
            var agent = edit.Unassign ? null : edit.Assignee ?? supportCase.AssignedTo;
            var group = edit.WorkGroup ?? supportCase.WorkGroup;
            if (agent != supportCase.AssignedTo || group != supportCase.WorkGroup)
                supportCase.Assign(agent, group, by, now);
        }
        if (edit.Status == CaseStatus.Resolved)
            supportCase.Resolve(edit.Note!, by, now);
        else if (edit.Status is { } status)
            supportCase.ChangeStatus(status, by, now);
        return supportCase.History.Count > before;
    }

    /// <param name="Grant">What the reader may see of the case's customer: the case's value tier only with <see cref="CustomerField.Tier"/>.</param>
    private sealed record LoadedCase(SupportCase Case, Domain.Customers.Customer Customer, AccessGrant Grant)
    {
        public bool ShowsTier => Grant.Allows(CustomerField.Tier);
    }

    /// <summary>The parts of the record the case card shows (and its audit entry names).</summary>
    private static CustomerField Shown(LoadedCase loaded) =>
        CustomerField.Identity | CustomerField.Cases | (loaded.ShowsTier ? CustomerField.Tier : CustomerField.None);

    private async Task<LoadedCase?> LoadAsync(TurnContext context, string? text, bool tracked)
    {
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
        {
            context.Say($"I can't show you cases: {NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason.English}.",
                $"No puedo mostrarte casos: {NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason.Spanish}.");
            return null;
        }
        var number = Normalize(text);
        var ct = context.CancellationToken;
        var query = db.SupportCases.Include(c => c.History).AsQueryable();
        var supportCase = number is null ? null : await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Number == number, ct);
        if (supportCase is null)
        {
            context.Say($"I found no case {number ?? text}. Case numbers look like C-1A2B3C4D; type \"cases\" for your queue.",
                $"No encuentro el caso {number ?? text}. Los números de caso son como C-1A2B3C4D; escribe \"casos\" para ver tu cola.");
            return null;
        }
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, ct);
        if (await access.RequireAsync(context, customer, CustomerField.Cases) is not { } grant)
            return null;
        return new LoadedCase(supportCase, customer, grant);
    }

    /// <summary>A button carries how much history its card showed; a newer history means someone else changed the case since.</summary>
    private async Task<bool> IsCurrentAsync(TurnContext context, LoadedCase loaded)
    {
        var seen = context.Turn.Action?.Value(CaseDetailCards.SeenKey);
        if (seen is null || !int.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == loaded.Case.History.Count)
            return true;
        var language = context.Language;
        var notice = language.Pick($"Case {loaded.Case.Number} changed since that card was shown, so I did nothing. Here it is as it is now.",
            $"El caso {loaded.Case.Number} cambió desde que se mostró esa tarjeta, así que no hice nada. Así está ahora.");
        context.Show(CaseDetailCards.Detail(await ViewAsync(context, loaded), language, notice));
        return false;
    }

    private async Task<CaseView> ViewAsync(TurnContext context, LoadedCase loaded)
    {
        var ids = CaseDetailCards.PeopleIn(loaded.Case).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, context.CancellationToken);
        var now = clock.GetUtcNow();
        return new CaseView(loaded.Case, loaded.Customer.DisplayName, SlaBreachRule.Evaluate(loaded.Case, now), people, context.User.ResolveTimeZone())
        {
            ShowsTier = loaded.ShowsTier,
            Clock = SlaClock.Read(loaded.Case, sla, calendars.For(loaded.Case.WorkGroup), now),
        };
    }
}
