namespace ChatCrm.Domain.Satisfaction;

/// <summary>What a satisfaction score means.</summary>
public static class SatisfactionRules
{
    /// <summary>The highest score that alerts the manager at once.</summary>
    public const int LowestAcceptable = 2;

    /// <summary>1 or 2: an unhappy customer, whom the work group's manager hears about at once.</summary>
    public static bool IsLow(int score) => score <= LowestAcceptable;

    /// <summary>4 or 5: a satisfied customer (the share of these is the KPI's "satisfied").</summary>
    public static bool IsSatisfied(int score) => score >= 4;
}
