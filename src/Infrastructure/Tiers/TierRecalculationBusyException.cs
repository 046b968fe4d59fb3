namespace ChatCrm.Infrastructure.Tiers;

/// <summary>Another recalculation holds the database: this one changed nothing and can simply be run again later.</summary>
public sealed class TierRecalculationBusyException : Exception
{
    public TierRecalculationBusyException()
        : this("Another tier recalculation is running on this database; nothing was changed. Run it again when that one has finished.")
    {
    }

    public TierRecalculationBusyException(string message) : base(message)
    {
    }

    public TierRecalculationBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
