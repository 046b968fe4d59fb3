namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// An order or deposit another system recorded under <paramref name="ExternalId"/>, for the customer it knows as
/// <paramref name="CustomerExternalId"/>. <paramref name="Category"/> ("Deposits", "Savings") is optional: without it
/// the catalogue's category for the product code decides whether it is deposit-like.
/// </summary>
public sealed record OrderIntake(
    string? ExternalId,
    string? CustomerExternalId,
    string? ProductCode,
    string? Category,
    decimal Amount,
    string? Currency,
    DateTimeOffset PlacedAt);
