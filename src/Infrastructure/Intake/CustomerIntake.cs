namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// A customer as another system knows it, keyed by its <paramref name="ExternalId"/> there. Codes are as written
/// (country "ES", language "es"); <paramref name="Owner"/> is the owning user's work e-mail or directory id. Handles
/// are added, never removed: a handle that is no longer in the source stays (a customer is found by any of them).
/// </summary>
public sealed record CustomerIntake(
    string? ExternalId,
    string? Name,
    string? Company,
    string? Country,
    string? Language,
    string? Owner,
    string? Email = null,
    string? Phone = null,
    string? LoyaltyNumber = null);
