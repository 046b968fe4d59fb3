namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// An offer catalogue entry, keyed by its <paramref name="ProductCode"/>. <paramref name="Purpose"/> is "Marketing" or
/// "Service"; <paramref name="AnswersTriggers"/> names the customer events it answers ("LargeDeposit", "LargeOrder",
/// "CaseResolved", "TierChanged"); <paramref name="MinimumTier"/> a tier name or null for all; <paramref name="Countries"/>
/// ISO codes, none for everywhere; an inactive entry is retired.
/// </summary>
public sealed record OfferIntake(
    string? ProductCode,
    string? Name,
    string? Category,
    string? Purpose,
    string? Pitch,
    string? PartnerCompany,
    IReadOnlyList<string> AnswersTriggers,
    string? MinimumTier,
    IReadOnlyList<string> Countries,
    bool Active = true);
