using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>
/// Customer search outside a conversation's flow (a message extension's search box, a pasted customer link): the same
/// finder, need-to-know rules and audit as "find", but answering with a list of cards and leaving no dialog state, so
/// it never disturbs what the person is doing with the bot in the chat. The card a result inserts is the customer's
/// identity only (<see cref="SharedCustomerCard"/>): whoever reads it in the conversation gets their own view through its
/// refresh. Each customer listed is audited as an identity view of the searcher.
/// </summary>
public sealed class ComposeBoxCustomerSearch(
    ChatUserDirectory directory, CustomerFinder finder, CustomerAccess access, AuditTrail audit, CrmDbContext db)
    : IComposeBoxSearch
{
    public const string NoAccess = "You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you; they will need your name and work e-mail.";

    public const string NoAccessSpanish = "Aún no tienes acceso a ChatCrm. Pide a tu administrador de ChatCrm que te dé de alta; necesitará tu nombre y tu correo de trabajo.";

    private static string NoAccessIn(IncomingTurn turn) => LocalizedText.LanguageFor(turn.Locale).Pick(NoAccess, NoAccessSpanish);

    public async Task<CustomerSearchAnswer> SearchAsync(IncomingTurn turn, string? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = await ContextAsync(turn, cancellationToken);
        if (context is null)
            return new CustomerSearchAnswer([], NoAccessIn(turn));
        var language = context.Language;
        if (!NeedToKnowPolicy.MayLookUpCustomers(context.User))
        {
            var reason = NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason;
            return new CustomerSearchAnswer([], language.Pick($"I can't look customers up for you: {reason.English}.", $"No puedo buscar clientes por ti: {reason.Spanish}."));
        }
        if (string.IsNullOrWhiteSpace(query))
            return new CustomerSearchAnswer([], language.Pick("Type part of a customer's name, the company, an e-mail or a phone number.",
                "Escribe parte del nombre de un cliente, la empresa, un correo o un teléfono."));

        var customers = await finder.FindAsync(query, turn.Locale, cancellationToken) switch
        {
            CustomerSearchResult.Found found => [found.Customer],
            CustomerSearchResult.Ambiguous ambiguous => ambiguous.Candidates.Select(c => c.Customer).ToList(),
            CustomerSearchResult.Invalid invalid => null,
            _ => new List<Customer>(),
        };
        if (customers is null)
            return new CustomerSearchAnswer([], language.Pick("That search could not be read: try a name, a company, an e-mail or a phone number with its country code.",
                "No entiendo esa búsqueda: prueba con un nombre, una empresa, un correo o un teléfono con su prefijo."));
        return await AnswerAsync(context, customers, cancellationToken);
    }

    /// <summary>The card for one customer named by id (a pasted ChatCrm link), under the same rules.</summary>
    public async Task<CustomerSearchAnswer> ShowAsync(IncomingTurn turn, CustomerId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = await ContextAsync(turn, cancellationToken);
        if (context is null)
            return new CustomerSearchAnswer([], NoAccessIn(turn));
        if (!NeedToKnowPolicy.MayLookUpCustomers(context.User))
            return new CustomerSearchAnswer([], null);
        var customer = await finder.GetAsync(id, cancellationToken);
        return await AnswerAsync(context, customer is null ? [] : [customer], cancellationToken);
    }

    private async Task<TurnContext?> ContextAsync(IncomingTurn turn, CancellationToken cancellationToken) =>
        await directory.FindAsync(turn, cancellationToken) is { } user ? new TurnContext(turn, user, cancellationToken) : null;

    private async Task<CustomerSearchAnswer> AnswerAsync(TurnContext context, IReadOnlyList<Customer> customers, CancellationToken cancellationToken)
    {
        var grants = await access.GrantsAsync(context, customers);
        var hits = new List<CustomerSearchHit>();
        foreach (var (customer, _) in customers.Zip(grants).Where(x => x.Second.Allows(CustomerField.Identity)))
        {
            // The card goes into a conversation others read: it shows who the customer is, and each reader's client
            // fetches the rest under that reader's own access (the refresh, audited as their view).
            hits.Add(new CustomerSearchHit(SharedCustomerCard.For(customer, context.Language), customer.DisplayName, customer.Company));
            audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.Identity);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new CustomerSearchAnswer(hits, null);
    }
}
