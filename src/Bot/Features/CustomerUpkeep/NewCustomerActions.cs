using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// "new customer" / "nuevo cliente" shows the form (on Slack the form opens as a modal instead, see
/// <see cref="NewCustomerChatForm"/>); so does "New customer" on "No customer found". Create checks everything again
/// (the values come from the client) through <see cref="NewCustomerEntry"/>: errors show the form again under their
/// fields; likely duplicates are offered first ("use that one?"), and only the explicit "create anyway" press creates
/// beside them. The customer and its audit entry are saved with the turn, or nothing is.
/// </summary>
public sealed class NewCustomerActions(NewCustomerEntry entry, CrmDbContext db, AuditTrail audit) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("newcustomer", ["new"], ["nuevo", "nueva"]);

    public const string SaveVerb = "customerCreate";

    public static IReadOnlyList<string> ActionVerbs { get; } = [CustomerVerbs.NewCustomer, SaveVerb];

    /// <summary>Two creates that crossed (a handle taken meanwhile): the turn runs again and answers under the field.</summary>
    public static bool RetriesAfterConflict(CardAction action) => action is { Verb: SaveVerb };

    public Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!AsksForCustomer(argument, out var rest))
        {
            context.Say("Did you mean \"new customer\"? Add the name if you like: new customer María Núñez.",
                "¿Querías decir «nuevo cliente»? Puedes añadir el nombre: nuevo cliente María Núñez.");
            return Task.FromResult(state);
        }
        ShowForm(context, Prefill(rest));
        return Task.FromResult(state);
    }

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (action.Verb == CustomerVerbs.NewCustomer)
        {
            ShowForm(context, NewCustomerValues.Of(action.Values));
            return;
        }
        await CreateAsync(context, action);
    }

    /// <summary>Whether the words after "new" ask for a customer ("customer …", "cliente …"), and what follows them.</summary>
    public static bool AsksForCustomer(string? argument, out string rest)
    {
        var words = (argument ?? string.Empty).Trim();
        var space = words.IndexOf(' ', StringComparison.Ordinal);
        var first = SearchText.Fold(space < 0 ? words : words[..space]);
        rest = space < 0 ? string.Empty : words[(space + 1)..].Trim();
        return first is "customer" or "client" or "cliente" or "clienta";
    }

    /// <summary>The form filled in with what was typed after the command or searched for: an e-mail, a phone, or a name.</summary>
    public static NewCustomerValues Prefill(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return NewCustomerValues.Of(new Dictionary<string, string>());
        var (key, value) = CustomerCards.NewCustomerField(text);
        return NewCustomerValues.Of(new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value });
    }

    private static void ShowForm(TurnContext context, NewCustomerValues values)
    {
        if (CustomerUpkeepPolicy.CreateRefusal(context.User) is { } refusal)
        {
            context.Say($"I can't add customers for you: {refusal.English}.", $"No puedo añadir clientes por ti: {refusal.Spanish}.");
            return;
        }
        context.Show(NewCustomerCards.Form(values, CustomerUpkeepPolicy.ChoosesOwner(context.User), context.Language));
    }

    private async Task CreateAsync(TurnContext context, CardAction action)
    {
        var language = context.Language;
        if (CustomerUpkeepPolicy.CreateRefusal(context.User) is { } refusal)
        {
            context.Say($"I can't add customers for you: {refusal.English}.", $"No puedo añadir clientes por ti: {refusal.Spanish}.");
            return;
        }
        var values = NewCustomerValues.Of(action.Values);
        var check = await entry.CheckAsync(context, values);
        if (!check.IsValid)
        {
            context.Show(NewCustomerCards.Form(values, CustomerUpkeepPolicy.ChoosesOwner(context.User), language, check.Errors));
            return;
        }
        var confirmed = action.Value(NewCustomerCards.ConfirmedKey) == "yes";
        if (check.Lookalikes.Count > 0 && !confirmed)
        {
            foreach (var lookalike in check.Lookalikes)
                audit.Record(context, AuditAction.ListedInSearch, lookalike.Candidate.Id, CustomerField.BasicContact);
            context.Show(NewCustomerCards.Lookalikes(values, check.Lookalikes, language));
            return;
        }
        var customer = check.Customer!;
        customer.AssignOwner(check.Owner);
        db.Customers.Add(customer);
        var details = $"owner: {(check.Owner is { } owner ? $"user {owner}" : "none")}"
            + (check.Lookalikes.Count > 0 ? $"; created beside likely duplicate(s): {string.Join(", ", check.Lookalikes.Select(l => $"customer {l.Candidate.Id}"))}" : string.Empty);
        audit.Record(context, AuditAction.CreatedCustomer, customer.Id, CustomerField.BasicContact, details);
        context.Show(NewCustomerCards.Created(customer, check.OwnerName, language));
    }
}
