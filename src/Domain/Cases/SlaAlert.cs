namespace ChatCrm.Domain.Cases;

/// <summary>How far into a target an alert is raised.</summary>
public enum SlaThreshold
{
    /// <summary>Three quarters of the target used: a warning to the assignee.</summary>
    Warning = 75,

    /// <summary>The target used up: to the assignee and the work group's manager.</summary>
    Breach = 100,
}

/// <summary>
/// The record that an SLA alert was raised for one case, target and threshold. The (case, target, threshold) triple is
/// unique, and the row is stored in the same save as the pushes it queues, so of two instances — or a scan repeated
/// after a restart — only the first raises it: each alert is pushed once.
/// </summary>
public sealed class SlaAlert
{
    private SlaAlert()
    {
    }

    public SlaAlert(SupportCaseId caseId, SlaTarget target, SlaThreshold threshold, DateTimeOffset raisedAt)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Target = target;
        Threshold = threshold;
        RaisedAt = raisedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public SupportCaseId CaseId { get; private set; }

    public SlaTarget Target { get; private set; }

    public SlaThreshold Threshold { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }
}

/// <summary>Which alerts a case's clock calls for now: for each target not yet done, the highest threshold reached (a breach makes the warning moot).</summary>
public static class SlaAlertRule
{
    public const double WarningShare = 0.75;

    public static IReadOnlyList<(SlaTarget Target, SlaThreshold Threshold)> Due(SlaClockReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var due = new List<(SlaTarget, SlaThreshold)>();
        foreach (var target in new[] { reading.FirstResponse, reading.Resolution })
        {
            if (target.IsDone)
                continue;
            if (target.Used >= target.Allowed)
                due.Add((target.Target, SlaThreshold.Breach));
            else if (target.Share >= WarningShare)
                due.Add((target.Target, SlaThreshold.Warning));
        }
        return due;
    }
}
