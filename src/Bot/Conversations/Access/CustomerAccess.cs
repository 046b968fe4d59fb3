using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Access;

/// <summary>
/// Applies need-to-know to a turn: what the chat user may see of a customer, and a polite refusal (audited)
/// when a command needs more than that.
/// </summary>
public sealed class CustomerAccess(CrmDbContext db, AuditTrail audit)
{
    public async Task<AccessGrant> GrantAsync(TurnContext context, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        var owner = customer.OwnerId is { } ownerId
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, context.CancellationToken)
            : null;
        return NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.OwnedBy(owner));
    }

    /// <summary>What the chat user may see of each customer, in the order given, their owners read in one statement.</summary>
    public async Task<IReadOnlyList<AccessGrant>> GrantsAsync(TurnContext context, IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customers);
        var ownerIds = customers.Select(c => c.OwnerId).OfType<UserId>().Distinct().ToList();
        var owners = ownerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, context.CancellationToken);
        return customers
            .Select(c => NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.OwnedBy(c.OwnerId is { } id ? owners.GetValueOrDefault(id) : null)))
            .ToList();
    }

    /// <summary>
    /// The grant when it covers <paramref name="needed"/>; otherwise null, having told the user (in their language)
    /// what they can do instead and audited the refused request.
    /// </summary>
    public async Task<AccessGrant?> RequireAsync(TurnContext context, Customer customer, CustomerField needed)
    {
        var grant = await GrantAsync(context, customer);
        if (grant.Allows(needed))
            return grant;

        audit.Record(context, AuditAction.AccessDenied, customer.Id, needed);
        var what = Naming(needed);
        var why = grant.Reason;
        if (grant.Allows(CustomerField.Identity))
        {
            context.Say(
                $"I can't show you {what.English} for {customer.DisplayName}: {why.English}. Type \"find {customer.DisplayName}\" for what you can see, or ask the account's owner or your manager.",
                $"No puedo mostrarte {what.Spanish} de {customer.DisplayName}: {why.Spanish}. Escribe \"buscar {customer.DisplayName}\" para ver lo que sí puedes, o pregunta al propietario de la cuenta o a tu responsable.");
        }
        else
        {
            context.Say($"I can't show you {what.English}: {why.English}.", $"No puedo mostrarte {what.Spanish}: {why.Spanish}.");
        }
        return null;
    }

    /// <summary>How a refusal names the part of the record that was asked for.</summary>
    private static LocalizedText Naming(CustomerField needed) => needed switch
    {
        CustomerField.Interactions => new("the conversation history", "el historial de conversaciones"),
        CustomerField.Offers => new("offers", "las ofertas"),
        CustomerField.Consents => new("privacy preferences", "las preferencias de privacidad"),
        CustomerField.Cases => new("support cases", "los casos de soporte"),
        CustomerField.Identity => new("this customer's record", "la ficha de este cliente"),
        CustomerField.All => new("the whole record", "la ficha completa"),
        _ => new("that part of the record", "esa parte de la ficha"),
    };
}
