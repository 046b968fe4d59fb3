using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// A card form that has been stored, by the id the form carried. The id is the table's key, so the database itself
/// refuses a second copy: a double press, a client retry or two bot instances handling the same press can log the
/// interaction once only, and a later press finds what the first one stored and answers with the same confirmation.
/// </summary>
public sealed class SubmittedFormRecord
{
    private SubmittedFormRecord()
    {
    }

    public SubmittedFormRecord(Guid formId, InteractionId interactionId, UserId submittedBy, DateTimeOffset submittedAt)
    {
        FormId = formId;
        InteractionId = interactionId;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt.ToUniversalTime();
    }

    /// <summary>The id the form was rendered with (a new one each time a form is shown).</summary>
    public Guid FormId { get; private set; }

    /// <summary>The interaction the form logged.</summary>
    public InteractionId InteractionId { get; private set; }

    public UserId SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
}
