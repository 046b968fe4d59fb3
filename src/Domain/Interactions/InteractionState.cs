namespace ChatCrm.Domain.Interactions;

/// <summary>
/// Where a logged interaction stands. Only <see cref="Current"/> ones count anywhere (the last conversation, history,
/// follow-ups, digests, KPIs, offers); the others stay on record, as they were written, for the customer's export and
/// for anyone auditing what was said and changed.
/// </summary>
public enum InteractionState
{
    /// <summary>As logged, or the latest correction of it.</summary>
    Current = 0,

    /// <summary>Its author corrected it: a newer version (<see cref="Interaction.AmendmentOf"/>) replaces it.</summary>
    Amended = 1,

    /// <summary>Its author took it back (logged by mistake, wrong customer): it no longer counts.</summary>
    Withdrawn = 2,
}
