using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>
/// "find &lt;customer&gt;": the customer's profile card, showing what need-to-know allows. The same card answers a
/// shared card's refresh (<see cref="CustomerCards.RefreshVerb"/>), built for whoever asks, and audited the same way
/// each time it shows a record.
/// </summary>
public sealed class FindCustomerCommand(CustomerResolver resolver, CustomerFinder finder, CustomerAccess access,
    CustomerSnapshotReader snapshots, AuditTrail audit) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Find, ["find", "search"], ["buscar"]) { NamesCustomer = true };

    /// <summary>A card asking for this reader's own view of it (Teams refresh): no dialog is touched.</summary>
    public static IReadOnlyList<string> ActionVerbs { get; } = [CustomerCards.RefreshVerb];

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;

    Task ICardAction.HandleAsync(TurnContext context) => RefreshAsync(context);


    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Find);
        if (customer is null)
            return choices;

        var grant = await access.RequireAsync(context, customer, CustomerField.Identity);
        if (grant is null)
            return [];
        await ShowAsync(context, customer, grant);
        return [];
    }

    /// <summary>
    /// A shared profile card asks for this reader's view of it: always a card (the invoke's answer replaces the card
    /// for this reader only), the record as their access allows, or a card saying why they see nothing.
    /// </summary>
    public async Task RefreshAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var customer = CustomerResolver.ChosenId(context) is { } id ? await finder.GetAsync(id, context.CancellationToken) : null;
        if (customer is null)
        {
            context.Show(CustomerCards.NoAccess(language.Pick("This customer no longer exists.", "Este cliente ya no existe."), language));
            return;
        }
        var grant = NeedToKnowPolicy.MayLookUpCustomers(context.User) ? await access.GrantAsync(context, customer) : null;
        if (grant is null || !grant.Allows(CustomerField.Identity))
        {
            audit.Record(context, AuditAction.AccessDenied, customer.Id, CustomerField.Identity);
            var reason = grant?.Reason ?? NeedToKnowPolicy.Decide(context.User, CustomerAccessFacts.Unowned).Reason;
            context.Show(CustomerCards.NoAccess(language.Pick($"This customer's record is not shown to you: {reason.English}.", $"Esta ficha no se te muestra: {reason.Spanish}."), language));
            return;
        }
        await ShowAsync(context, customer, grant);
    }

    private async Task ShowAsync(TurnContext context, Customer customer, AccessGrant grant)
    {
        var read = await snapshots.ReadAsync(context, customer, grant);
        var card = CustomerCards.Profile(customer, grant, read.Snapshot, NeedToKnowPolicy.MayLogInteractions(context.User), context.Language);
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, read.Shown);
        context.Show(card);
    }
}
