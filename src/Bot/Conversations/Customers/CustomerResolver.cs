using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>The customer settled on, or (when none yet) the ids a choice card offered, in the order shown.</summary>
public sealed record CustomerResolution(Customer? Customer, IReadOnlyList<Guid> OfferedChoices)
{
    public static CustomerResolution None { get; } = new(null, []);
}

/// <summary>
/// Turns "which customer" (a chosen id from a button, or typed text) into one customer, or answers the
/// user: a choice card when several match, a "not found" card with search tips, or what was wrong.
/// </summary>
public sealed class CustomerResolver(CustomerFinder finder, AuditTrail audit)
{
    public const string CustomerIdKey = "customerId";

    /// <summary>
    /// The customer meant, or (having answered the user) none, with the customers a choice card offered, in order.
    /// </summary>
    /// <param name="verb">The verb the choice card's buttons send, so a choice continues the same job.</param>
    public async Task<CustomerResolution> ResolveAsync(TurnContext context, string? query, string verb)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayLookUpCustomers(context.User))
        {
            var reason = NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason;
            context.Say($"I can't look customers up for you: {reason.English}.", $"No puedo buscar clientes por ti: {reason.Spanish}.");
            return CustomerResolution.None;
        }
        if (ChosenId(context) is { } chosen)
        {
            var customer = await finder.GetAsync(chosen, context.CancellationToken);
            if (customer is null)
                context.Say("That customer no longer exists. Search again by name, company, e-mail or phone.", "Ese cliente ya no existe. Vuelve a buscar por nombre, empresa, correo o teléfono.");
            return new CustomerResolution(customer, []);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            context.Say($"Which customer? For example: {verb} María Núñez, {verb} maria@acme.es or {verb} +34 600 123 456.",
                $"¿Qué cliente? Por ejemplo: {verb} María Núñez, {verb} maria@acme.es o {verb} +34 600 123 456.");
            return CustomerResolution.None;
        }

        var result = await finder.FindAsync(query, context.Turn.Locale, context.CancellationToken);
        switch (result)
        {
            case CustomerSearchResult.Found found:
                return new CustomerResolution(found.Customer, []);
            case CustomerSearchResult.Ambiguous ambiguous:
                // A choice card shows each candidate's name, company, e-mail and country: a view of basic contact data.
                foreach (var candidate in ambiguous.Candidates)
                    audit.Record(context, AuditAction.ListedInSearch, candidate.Customer.Id, CustomerField.BasicContact);
                context.Show(CustomerCards.Choose(query, ambiguous.Candidates, ambiguous.MoreExist, verb, context.Language));
                return new CustomerResolution(null, ambiguous.Candidates.Select(c => c.Customer.Id.Value).ToList());
            case CustomerSearchResult.Invalid invalid:
                context.Say(invalid.Problem);
                return CustomerResolution.None;
            default:
                context.Show(CustomerCards.NotFound(query, context.Language, CustomerUpkeepPolicy.MayCreate(context.User)));
                return CustomerResolution.None;
        }
    }

    /// <summary>The customer already chosen: by a pressed button, or by the number typed after a choice card.</summary>
    public static CustomerId? ChosenId(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ChosenCustomer is { } typed)
            return typed;
        return context.Turn.Action?.Value(CustomerIdKey) is { } raw && Guid.TryParse(raw, out var id) ? new CustomerId(id) : null;
    }
}
