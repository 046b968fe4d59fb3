namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// The answer for one record taken in: the outcome, the id of the stored entity (null when rejected), the errors that
/// rejected it, each naming its field, and warnings that did not stop it (a likely duplicate of an existing customer).
/// </summary>
public sealed record IntakeResult(IntakeOutcome Outcome, Guid? Id, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsRejected => Outcome == IntakeOutcome.Rejected;

    public static IntakeResult Rejected(IReadOnlyList<FieldError> errors) => new(IntakeOutcome.Rejected, null, errors, []);

    public static IntakeResult Rejected(string field, string message) => Rejected([new FieldError(field, message)]);

    public static IntakeResult Stored(IntakeOutcome outcome, Guid id, IReadOnlyList<string>? warnings = null) => new(outcome, id, [], warnings ?? []);
}
