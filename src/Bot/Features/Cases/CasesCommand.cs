using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// Support cases from chat: "cases" lists the person's queue (a manager's includes their reports' cases) by SLA due
/// time, overdue first; "case new &lt;customer&gt; | &lt;title&gt;" opens a case under need-to-know, with the customer's
/// current tier and a priority read from the title, assigned to the person and audited.
/// </summary>
public sealed class CasesCommand(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit, SlaTable sla, TimeProvider clock) : IChatCommand
{
    public static CommandSpec Spec { get; } = new("cases", ["cases"], ["casos"]);

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        await QueueAsync(context);
        return state;
    }


    /// <summary>The verb a choice card's buttons send to go on opening the case for the chosen customer.</summary>
    public const string OpenVerb = CustomerVerbs.NewCase;

    private const string Usage = "To open a case, type: case new <customer> | <what the problem is>, e.g. \"case new María Núñez | Printer offline, urgent\". Type \"cases\" for your queue, or \"case <number>\" to work on one.";
    private const string UsageEs = "Para abrir un caso, escribe: caso nuevo <cliente> | <cuál es el problema>, p. ej. \"caso nuevo María Núñez | Impresora sin conexión, urgente\". Escribe \"casos\" para ver tu cola, o \"caso <número>\" para trabajar en uno.";

    private static readonly HashSet<string> NewWords = new(StringComparer.Ordinal) { "new", "open", "nuevo", "nueva", "abrir" };

    /// <summary>True for the words that start "case new …" in English or Spanish.</summary>
    public static bool IsNewWord(string word) => NewWords.Contains(SearchText.Fold(word));

    public async Task QueueAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (!NeedToKnowPolicy.MayWorkCases(user))
        {
            context.Say($"I can't show you a case queue: {NeedToKnowPolicy.Decide(user, CustomerAccessFacts.Unowned).Reason.English}.",
                $"No puedo mostrarte una cola de casos: {NeedToKnowPolicy.Decide(user, CustomerAccessFacts.Unowned).Reason.Spanish}.");
            return;
        }
        var ct = context.CancellationToken;
        var assignees = new List<UserId> { user.Id };
        var isManager = user.Role == UserRole.Manager;
        if (isManager)
            assignees.AddRange(await db.Users.Where(u => u.ManagerId == user.Id).Select(u => u.Id).ToListAsync(ct));

        var cases = await db.SupportCases.AsNoTracking()
            .Where(c => (c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
                && c.AssignedTo != null && assignees.Contains(c.AssignedTo.Value))
            .ToListAsync(ct);
        var lines = await LinesAsync(cases, ct);
        foreach (var customerId in lines.Select(l => l.Case.CustomerId).Distinct())
            audit.Record(context, AuditAction.ListedInCaseQueue, customerId, CustomerField.Identity | CustomerField.Cases);
        context.Show(CaseCards.Queue(lines, user.ResolveTimeZone(), isManager, context.Language));
    }

    /// <summary>"case …": "new &lt;customer&gt; | &lt;title&gt;" opens a case; anything else gets the usage.</summary>
    /// <returns>The customers offered in a choice card, in order, when the customer named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = argument?.Trim() ?? string.Empty;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? text : text[..space];
        if (!NewWords.Contains(SearchText.Fold(first)))
        {
            context.Say(Usage, UsageEs);
            return [];
        }
        return await OpenAsync(context, space < 0 ? string.Empty : text[(space + 1)..]);
    }

    /// <param name="request">"&lt;customer&gt; | &lt;title&gt;"; after a choice card the customer part is already settled.</param>
    public async Task<IReadOnlyList<Guid>> OpenAsync(TurnContext context, string? request)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
        {
            context.Say($"I can't open cases for you: {NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason.English}.",
                $"No puedo abrir casos para ti: {NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason.Spanish}.");
            return [];
        }
        var bar = request?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        var title = bar < 0 ? string.Empty : request![(bar + 1)..].Trim();
        if (title.Length == 0)
        {
            context.Say($"What is the case about? I need a title after a \"|\". {Usage}", $"¿De qué trata el caso? Necesito un título después de \"|\". {UsageEs}");
            return [];
        }
        if (CaseTitleRule.TooLong(title) is { } tooLong)
        {
            context.Say(tooLong);
            return [];
        }
        var query = request![..bar].Trim();
        if (query.Length == 0 && CustomerResolver.ChosenId(context) is null)
        {
            context.Say($"Which customer is the case for? {Usage}", $"¿Para qué cliente es el caso? {UsageEs}");
            return [];
        }
        var (customer, choices) = await resolver.ResolveAsync(context, query, OpenVerb);
        if (customer is null)
            return choices;
        if (await access.RequireAsync(context, customer, CustomerField.Cases) is not { } grant)
            return [];

        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var tier = await db.CustomerValues.Where(v => v.CustomerId == customer.Id).Select(v => (Domain.Tiers.ValueTier?)v.Tier).FirstOrDefaultAsync(ct);
        var priority = CasePriorityWords.FromTitle(title);
        var supportCase = SupportCase.Open(customer.Id, title, null, priority.Priority, tier, context.User.Id,
            context.User.Team ?? "Support", now, sla);
        db.SupportCases.Add(supportCase);
        var showsTier = grant.Allows(CustomerField.Tier);
        audit.Record(context, AuditAction.OpenedCase, customer.Id,
            CustomerField.Identity | CustomerField.Cases | (showsTier ? CustomerField.Tier : CustomerField.None));
        context.Show(CaseCards.Opened(supportCase, customer.DisplayName, SlaBreachRule.Evaluate(supportCase, now), priority, context.User.ResolveTimeZone(),
            showsTier, context.Language));
        return [];
    }

    private async Task<IReadOnlyList<CaseLine>> LinesAsync(List<SupportCase> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var now = clock.GetUtcNow();
        // Ordered in memory: due times are DateTimeOffset, which not every provider orders in SQL.
        return cases.OrderBy(c => c.SlaDueAt)
            .Select(c => new CaseLine(c, names.GetValueOrDefault(c.CustomerId, "(unknown customer)"), SlaBreachRule.Evaluate(c, now)))
            .ToList();
    }
}
