using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// "edit &lt;customer&gt;" / "editar &lt;cliente&gt;" (and "Correct" on a new customer's card) shows the correction form
/// (on Slack a modal, see <see cref="EditCustomerChatForm"/>); Save corrects the customer through
/// <see cref="CustomerCorrections"/>, the intake's checks. The form carries the version it was built from: if someone
/// changed the customer meanwhile, nothing is saved and the form shows the record as it is now; a record merged or
/// erased meanwhile is answered as such. The change and its audit entry (what changed, as field names, codes and
/// handle ids) are saved with the turn, or nothing is; two saves that cross are refused by the database and run again.
/// </summary>
public sealed class EditCustomerActions(CustomerResolver resolver, EditCustomerRecords records, CustomerCorrections corrections, AuditTrail audit)
    : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("editcustomer", ["edit", "correct"], ["editar", "corregir"]) { NamesCustomer = true };

    public const string SaveVerb = "customerSave";

    public static IReadOnlyList<string> ActionVerbs { get; } = [CustomerVerbs.EditCustomer, SaveVerb];

    public static bool SettlesChoice => true;

    public static bool RetriesAfterConflict(CardAction action) => action is { Verb: SaveVerb };

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, argument, CustomerVerbs.EditCustomer);
        if (customer is not null)
            await OpenAsync(context, customer.Id);
        return ChoiceDialog.Await(Spec.Verb, choices) ?? state;
    }

    public Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (action.Verb == SaveVerb)
            return SaveAsync(context, action);
        return CustomerResolver.ChosenId(context) is { } id ? OpenAsync(context, id) : Gone(context);
    }

    private async Task OpenAsync(TurnContext context, CustomerId id)
    {
        var target = await records.LoadAsync(context, id);
        if (target.Customer is not { } customer)
        {
            context.Say(target.Refusal!);
            return;
        }
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.BasicContact);
        context.Show(EditCustomerCards.Form(customer, target.Version, EditCustomerValues.Of(customer), context.Language));
    }

    private async Task SaveAsync(TurnContext context, CardAction action)
    {
        var language = context.Language;
        var (id, carried) = EditCustomerRecords.Named(action.Values);
        if (id is not { } customerId)
        {
            await Gone(context);
            return;
        }
        var target = await records.LoadAsync(context, customerId);
        if (target.Customer is not { } customer)
        {
            context.Say(target.Refusal!);
            return;
        }
        if (carried != target.Version)
        {
            audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.BasicContact);
            context.Show(EditCustomerCards.Form(customer, target.Version, EditCustomerValues.Of(customer), language,
                notice: EditCustomerRecords.Stale(customer, language)));
            return;
        }
        var values = EditCustomerValues.Of(action.Values);
        var result = await corrections.CorrectAsync(customer, values.ToCorrection(), apply: true, context.CancellationToken);
        if (!result.Succeeded)
        {
            context.Show(EditCustomerCards.Form(customer, target.Version, values, language, await records.ErrorsAsync(context, result.Errors, values)));
            return;
        }
        records.ExpectVersion(customer, target.Version);
        if (result.Changes.Count > 0)
            audit.Record(context, AuditAction.ChangedCustomer, customer.Id, CustomerField.BasicContact, string.Join("; ", result.Changes));
        context.Show(EditCustomerCards.Saved(customer, result.Changes.Count > 0, language));
    }

    private static Task Gone(TurnContext context)
    {
        context.Say("This customer no longer exists, so nothing was saved.", "Este cliente ya no existe, así que no se guardó nada.");
        return Task.CompletedTask;
    }
}
