namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// A consent statement another system recorded under <paramref name="ExternalId"/>: the customer (by their external
/// id) <paramref name="Granted"/> or withdrew consent for a <paramref name="Purpose"/> ("Marketing") on a
/// <paramref name="Channel"/> ("Email"), from a <paramref name="Source"/> ("web form"), at <paramref name="RecordedAt"/>.
/// A statement taken here (a rep recording in chat what the customer said) names the <see cref="Customer"/> directly
/// and needs neither external id.
/// </summary>
public sealed record ConsentIntake(
    string? ExternalId,
    string? CustomerExternalId,
    string? Purpose,
    string? Channel,
    bool Granted,
    string? Source,
    DateTimeOffset RecordedAt)
{
    /// <summary>The customer, when the statement is recorded here rather than named by another system's ids.</summary>
    public Domain.Customers.CustomerId? Customer { get; init; }
}
