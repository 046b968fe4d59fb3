using System.Globalization;
using ChatCrm.Domain.Cases;

namespace ChatCrm.Bot.Cards;

/// <summary>One support case as a line of a queue or a profile: the case, whose it is, and its SLA verdict now.</summary>
public sealed record CaseLine(SupportCase Case, string CustomerName, SlaDecision Sla);

/// <summary>
/// Cards about support cases: a person's queue (what to work on next, overdue first), a newly opened case, and the
/// open-cases section of a customer's profile. Due times are shown in the reader's time zone, because that is
/// when they have to act.
/// </summary>
public static class CaseCards
{
    public static Card Queue(IReadOnlyList<CaseLine> lines, TimeZoneInfo zone, bool includesReports)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(zone);
        var body = new List<CardBlock>();
        if (lines.Count == 0)
            body.Add(new CardText(includesReports ? "No active cases for you or your team." : "No active cases assigned to you."));
        else
            body.Add(new CardText($"{lines.Count} active case{(lines.Count == 1 ? string.Empty : "s")}, most urgent first (by SLA due time).", TextEmphasis.Subtle));
        foreach (var line in lines)
        {
            body.Add(new CardSection($"{line.Case.Number} · {CustomerCards.Shorten(line.CustomerName, 60)}: {CustomerCards.Shorten(line.Case.Title, 80)}"));
            body.Add(new CardText(Summary(line, zone), line.Sla.State is SlaState.Breached or SlaState.AtRisk ? TextEmphasis.Warning : TextEmphasis.Subtle));
        }
        return new Card(includesReports ? "Your team's case queue" : "Your case queue", body, []);
    }

    public static Card Opened(SupportCase supportCase, string customerName, SlaDecision sla, PriorityDecision priority, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(priority);
        var facts = new List<CardFact>
        {
            new("Case", supportCase.Number),
            new("Customer", customerName),
            new("Title", supportCase.Title),
            new("Priority", $"{supportCase.Priority} ({priority.Reason})"),
            new("Tier", supportCase.Tier.ToString()),
            new("SLA due", Local(supportCase.SlaDueAt, zone)),
            new("SLA", sla.Reason),
        };
        return new Card($"Case {supportCase.Number} opened", [new CardFacts(facts),
            new CardText("It is assigned to you. Type \"cases\" to see your queue.", TextEmphasis.Subtle)], []);
    }

    /// <summary>The open-cases section of a profile card.</summary>
    public static IEnumerable<CardBlock> ProfileSection(IReadOnlyList<CaseLine> lines, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(lines);
        yield return new CardSection("Open cases");
        yield return new CardFacts(lines.Select(l => new CardFact(l.Case.Number, $"{CustomerCards.Shorten(l.Case.Title, 80)} · {Summary(l, zone)}")).ToList());
    }

    private static string Summary(CaseLine line, TimeZoneInfo zone) =>
        $"{line.Case.Priority} · {Status(line.Case.Status)} · due {Local(line.Case.SlaDueAt, zone)} · {line.Sla.Reason}";

    private static string Status(CaseStatus status) => status == CaseStatus.WaitingOnCustomer ? "waiting on customer" : status.ToString().ToLowerInvariant();

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
