using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Features.Cases;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Home;

/// <summary>
/// The person's own page (Slack's App Home tab), as a channel-neutral card: the cases assigned to them, most urgent first
/// (by SLA due time), and their follow-ups that are overdue or due today, by <see cref="FollowUp"/>'s rule (the follow-up
/// date on the customer's latest interaction, promised by this user). Only the user's own cases and follow-ups appear, so
/// the page shows nothing need-to-know would hide; the cases listed are audited as a case queue is, the follow-ups as
/// <see cref="AuditAction.ListedInFollowUps"/>. "Search customers"
/// (<see cref="IHomePage.SearchVerb"/>) opens the Customers feature's search form.
/// </summary>
public sealed class HomePage(CrmDbContext db, TimeProvider time) : IHomePage
{
    public const int MaxCases = 15;
    public const int MaxFollowUps = 20;

    /// <summary>How many customers with a follow-up by the user are looked at (the most recent promises first).</summary>
    private const int FollowUpCandidates = 200;

    public async Task<Card> ForAsync(User? user, ChatChannel channel, CancellationToken cancellationToken) =>
        user is null ? Stranger() : await ForUserAsync(user, channel, cancellationToken);

    private async Task<Card> ForUserAsync(User user, ChatChannel channel, CancellationToken cancellationToken)
    {
        var language = LocalizedText.LanguageFor(user.Locale);
        var now = time.GetUtcNow();
        var zone = user.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var body = new List<CardBlock>
        {
            new CardText(language.Pick("Search with `/crm find <name>`, or press Search. `/crm help` lists everything.",
                "Busca con `/crm buscar <nombre>`, o pulsa Buscar. `/crm ayuda` lo muestra todo."), TextEmphasis.Subtle),
        };
        var buttons = new List<CardButton> { CardButton.For(language.Pick("Search customers", "Buscar clientes"), IHomePage.SearchVerb) };
        if (NeedToKnowPolicy.MayWorkCases(user))
            body.AddRange(await CasesAsync(user, channel, language, now, zone, buttons, cancellationToken));
        body.AddRange(await FollowUpsAsync(user, channel, language, now, today, cancellationToken));
        return new Card(language.Pick($"ChatCrm for {user.DisplayName}", $"ChatCrm para {user.DisplayName}"), body, buttons);
    }

    private async Task<List<CardBlock>> CasesAsync(User user, ChatChannel channel, LanguageCode language, DateTimeOffset now, TimeZoneInfo zone, List<CardButton> buttons,
        CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var cases = (await db.SupportCases.AsNoTracking()
                .Where(c => c.AssignedTo == userId && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.SlaDueAt).Take(MaxCases).ToList();
        var ids = cases.Select(c => c.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        var blocks = new List<CardBlock> { new CardSection(language.Pick("Your open cases", "Tus casos abiertos")) };
        if (cases.Count == 0)
            blocks.Add(new CardText(language.Pick("No active cases assigned to you.", "No tienes casos activos asignados.")));
        foreach (var supportCase in cases)
        {
            var line = new CaseLine(supportCase, names.GetValueOrDefault(supportCase.CustomerId, "-"), SlaBreachRule.Evaluate(supportCase, now));
            blocks.Add(new CardText($"*{supportCase.Number}* · {CustomerCards.Shorten(line.CustomerName, 60)}: {CustomerCards.Shorten(supportCase.Title, 80)}\n"
                + CaseCards.Summary(line, zone, language), line.Sla.State is SlaState.Breached or SlaState.AtRisk ? TextEmphasis.Warning : TextEmphasis.Normal));
            buttons.Add(CardButton.For(language.Pick($"Open {supportCase.Number}", $"Abrir {supportCase.Number}"), CaseDetailCards.ShowVerb,
                (CaseDetailCards.CaseKey, supportCase.Number)));
        }
        // Listing a customer's case (name, title, SLA) is a view of the record: audited as the chat queue is.
        foreach (var customerId in ids)
            db.AuditEntries.Add(new AuditEntry(user.Id, AuditAction.ListedInCaseQueue, customerId, channel.ToString(), now, CustomerField.Identity | CustomerField.Cases));
        if (ids.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        return blocks;
    }

    private async Task<List<CardBlock>> FollowUpsAsync(User user, ChatChannel channel, LanguageCode language, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var candidates = await db.Interactions.AsNoTracking()
            .Where(i => i.FollowUpOwner == userId && i.FollowUpOn != null && i.FollowUpOn <= today)
            .Select(i => i.CustomerId).Distinct().Take(FollowUpCandidates).ToListAsync(cancellationToken);
        var interactions = await db.Interactions.AsNoTracking().Where(i => candidates.Contains(i.CustomerId)).ToListAsync(cancellationToken);
        var open = interactions.GroupBy(i => i.CustomerId)
            .Select(g => FollowUp.OpenAmong(g))
            .OfType<FollowUp>()
            .Where(f => f.Owner == userId && f.StateOn(today) is FollowUpState.Overdue or FollowUpState.DueToday)
            .OrderBy(f => f.DueOn).Take(MaxFollowUps).ToList();
        var customerIds = open.Select(f => f.CustomerId).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id) && c.ErasedAt == null && c.MergedIntoId == null)
            .ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        var blocks = new List<CardBlock> { new CardSection(language.Pick("Follow-ups overdue or due today", "Seguimientos vencidos o para hoy")) };
        var listed = open.Where(f => names.ContainsKey(f.CustomerId)).ToList();
        var facts = listed.Select(f => new CardFact(names[f.CustomerId], Due(f, today, language))).ToList();
        // Listing a follow-up names the customer and quotes the interaction's summary: audited as a view of both.
        foreach (var customerId in listed.Select(f => f.CustomerId).Distinct())
            db.AuditEntries.Add(new AuditEntry(user.Id, AuditAction.ListedInFollowUps, customerId, channel.ToString(), now, CustomerField.Identity | CustomerField.Interactions));
        if (listed.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        blocks.Add(facts.Count == 0
            ? new CardText(language.Pick("Nothing overdue. Well done.", "Nada vencido. Bien hecho."))
            : new CardFacts(facts));
        return blocks;
    }

    private static string Due(FollowUp followUp, DateOnly today, LanguageCode language)
    {
        var date = followUp.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var days = followUp.DaysOverdueOn(today);
        var state = followUp.StateOn(today) == FollowUpState.DueToday
            ? language.Pick("today", "hoy")
            : language.Pick($"{days} day{(days == 1 ? string.Empty : "s")} overdue", $"{days} día{(days == 1 ? string.Empty : "s")} de retraso");
        return $"{date} ({state}) · {CustomerCards.Shorten(followUp.Summary, 120)}";
    }

    private static Card Stranger() => new(
        "ChatCrm",
        [new CardText("You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you; they will need your name and work e-mail. "
            + "/ Aún no tienes acceso a ChatCrm. Pide a tu administrador de ChatCrm que te dé de alta; necesitará tu nombre y tu e-mail de trabajo.")],
        []);
}
