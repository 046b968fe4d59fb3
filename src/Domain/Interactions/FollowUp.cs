using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Interactions;

/// <summary>Where a follow-up stands on a given day.</summary>
public enum FollowUpState
{
    /// <summary>Due later than today.</summary>
    Upcoming,

    /// <summary>Due today.</summary>
    DueToday,

    /// <summary>Its day has passed and nobody has been back in touch.</summary>
    Overdue,
}

/// <summary>
/// A promise to get back to a customer that is still open: the follow-up date set on the customer's latest
/// interaction. Getting back in touch on any channel, which logs a newer interaction, keeps or replaces the
/// promise, so an older interaction's follow-up is never open. That rule needs no "done" button that people
/// forget to press, and it reads the same from Teams, Slack and the manager digests. It is its author's to keep until
/// the customer is handed over (<see cref="Interaction.HandFollowUpTo"/>).
/// </summary>
public sealed record FollowUp(CustomerId CustomerId, UserId Owner, DateOnly DueOn, string Summary, InteractionId From)
{
    /// <summary>The open follow-up among a customer's interactions (in any order), or null when there is none.</summary>
    public static FollowUp? OpenAmong(IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var latest = interactions.MaxBy(i => (i.OccurredAt, i.RecordedAt));
        return latest?.FollowUpOn is { } due
            ? new FollowUp(latest.CustomerId, latest.FollowUpOwner ?? latest.LoggedBy, due, latest.Summary, latest.Id)
            : null;
    }

    /// <summary>Where this follow-up stands on <paramref name="today"/> (the reader's own calendar day).</summary>
    public FollowUpState StateOn(DateOnly today) =>
        DueOn < today ? FollowUpState.Overdue : DueOn == today ? FollowUpState.DueToday : FollowUpState.Upcoming;

    /// <summary>Whole days past due on <paramref name="today"/>; zero when not overdue.</summary>
    public int DaysOverdueOn(DateOnly today) => Math.Max(0, today.DayNumber - DueOn.DayNumber);
}
