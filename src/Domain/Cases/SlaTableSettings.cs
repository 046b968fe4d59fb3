using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Cases;

/// <summary>The SLA table read from settings, or every reason it could not be read.</summary>
public sealed record SlaTableReading(SlaTable? Table, IReadOnlyList<string> Problems);

/// <summary>
/// Builds the SLA table from configured hours (<c>tier → priority → hours</c>, e.g. <c>Gold:Urgent = 3</c>): the
/// resolution targets under <c>Cases:Sla</c> and the first-response targets under <c>Cases:FirstResponse</c>. Entries
/// replace <see cref="SlaTable.Default"/> (and <see cref="SlaTable.DefaultFirstResponse"/>) one by one, so a contract
/// that changes one cell needs one setting. Pure: names and numbers in, the table or every problem out (all at once, so
/// one start-up shows the whole list). Names are the enum names, case-insensitive; hours must be positive and at most a year.
/// </summary>
public static class SlaTableSettings
{
    public const double MaxHours = 24 * 366;

    public static SlaTableReading Read(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? hours,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? firstResponseHours = null)
    {
        var problems = new List<string>();
        var targets = Cells("Cases:Sla", hours, (tier, priority) => SlaTable.Default.Target(tier, priority), problems);
        var firstResponse = Cells("Cases:FirstResponse", firstResponseHours, (tier, priority) => SlaTable.DefaultFirstResponse[(tier, priority)], problems);
        return problems.Count > 0 ? new SlaTableReading(null, problems) : new SlaTableReading(new SlaTable(targets, firstResponse), []);
    }

    private static Dictionary<(ValueTier, CasePriority), TimeSpan> Cells(string section, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? hours,
        Func<ValueTier, CasePriority, TimeSpan> fallback, List<string> problems)
    {
        var targets = new Dictionary<(ValueTier, CasePriority), TimeSpan>();
        foreach (var tier in Enum.GetValues<ValueTier>())
            foreach (var priority in Enum.GetValues<CasePriority>())
                targets[(tier, priority)] = fallback(tier, priority);
        foreach (var (tierName, row) in hours ?? new Dictionary<string, IReadOnlyDictionary<string, double>>())
        {
            if (!Enum.TryParse<ValueTier>(tierName, ignoreCase: true, out var tier) || !Enum.IsDefined(tier) || int.TryParse(tierName, out _))
            {
                problems.Add($"{section}:{tierName} is not a tier; use {string.Join(", ", Enum.GetNames<ValueTier>())}.");
                continue;
            }
            foreach (var (priorityName, value) in row)
            {
                if (!Enum.TryParse<CasePriority>(priorityName, ignoreCase: true, out var priority) || !Enum.IsDefined(priority) || int.TryParse(priorityName, out _))
                    problems.Add($"{section}:{tierName}:{priorityName} is not a priority; use {string.Join(", ", Enum.GetNames<CasePriority>())}.");
                else if (double.IsNaN(value) || value <= 0 || value > MaxHours)
                    problems.Add($"{section}:{tierName}:{priorityName} must be a number of hours above 0 and at most {MaxHours:0}; it is {value}.");
                else
                    targets[(tier, priority)] = TimeSpan.FromHours(value);
            }
        }
        return targets;
    }
}
