namespace ChatCrm.Infrastructure.Intake;

/// <summary>What taking one record in did (or, before the save, will do).</summary>
public enum IntakeOutcome
{
    Created = 1,
    Updated = 2,

    /// <summary>The record was already stored exactly so: nothing to write (a re-import of the same file).</summary>
    Unchanged = 3,

    /// <summary>The record is not valid or clashes with what is stored; nothing of it was staged (see the errors).</summary>
    Rejected = 4,
}
