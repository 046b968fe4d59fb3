using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.PrivacyCentre;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>
/// What a customer sees of themselves in the privacy centre (ADR 0006): their identity and handles, what was talked
/// about (summaries, not the staff's notes), orders, cases, consent statements, the offers shown to them and their
/// answers, and their erasure request. Staff appear by name only; nothing about other people.
/// </summary>
public sealed record OwnData(
    OwnIdentity Identity,
    IReadOnlyList<OwnHandle> Handles,
    IReadOnlyList<OwnInteraction> Interactions,
    IReadOnlyList<OwnOrder> Orders,
    IReadOnlyList<OwnCase> Cases,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<OwnOffer> Offers,
    ErasureRequest? Erasure);

public sealed record OwnIdentity(CustomerId Id, string Name, string? Company, string Country, string Language, DateTimeOffset CustomerSince, string? AccountOwner);

public sealed record OwnHandle(IdentityKind Kind, string Value);

public sealed record OwnInteraction(DateTimeOffset At, InteractionKind Kind, InteractionChannel Channel, string Summary, string? With);

public sealed record OwnOrder(DateTimeOffset PlacedAt, string Product, decimal Amount, string Currency);

public sealed record OwnCase(string Number, string Title, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt);

public sealed record OwnOffer(DateTimeOffset ShownAt, string Offer, ContactChannel Channel, OfferResponse? Answer, DateTimeOffset? AnsweredAt);
