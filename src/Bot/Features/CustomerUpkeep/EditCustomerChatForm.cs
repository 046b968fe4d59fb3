using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Access;
using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// Correcting a customer as a form (<see cref="EditCustomerCards.Form"/>; on Slack a modal): opened by "Correct" on a
/// card, or by "edit &lt;customer&gt;" when the text names one customer the person may correct (otherwise the command
/// answers in chat: a choice list, or why not). It carries the customer and its version as its state; a submission is
/// refused when the customer is gone, merged, erased or changed since, and is otherwise checked by
/// <see cref="CustomerCorrections"/> (reads only), each problem under its field. A valid one becomes the Save press.
/// </summary>
public sealed class EditCustomerChatForm(EditCustomerRecords records, CustomerCorrections corrections, CustomerFinder finder, CustomerAccess access,
    AuditTrail audit) : IChatForm
{
    public const string FormName = "customer-edit";
    private const string QueryKey = "query";

    public string Name => FormName;

    public string GeneralField => EditCustomerCards.Name;

    public string? OpenVerb => CustomerVerbs.EditCustomer;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb == EditCustomerActions.Spec.Verb && !string.IsNullOrWhiteSpace(command.Argument)
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [QueryKey] = command.Argument }
            : null;
    }

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!NeedToKnowPolicy.MayLookUpCustomers(context.User))
            return null;
        // Whoever may not correct the customer gets no form: the conversation then answers why (and audits it once).
        var named = EditCustomerRecords.Named(arguments).Id is { } id
            ? await finder.GetAsync(id, context.CancellationToken)
            : arguments.TryGetValue(QueryKey, out var query)
                && await finder.FindAsync(query, context.Turn.Locale, context.CancellationToken) is CustomerSearchResult.Found found ? found.Customer : null;
        if (named is null || !(await access.GrantAsync(context, named)).Allows(CustomerField.Service))
            return null;
        if ((await records.LoadAsync(context, EditCustomerRecords.Named(arguments).Id ?? named.Id)).Customer is not { } customer)
            return null;
        var version = records.VersionOf(customer);
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.BasicContact);
        return new ChatFormView(EditCustomerCards.Form(customer, version, EditCustomerValues.Of(customer), context.Language),
            $"{customer.Id.Value}|{version.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var all = EditCustomerRecords.WithState(state, values);
        var (id, carried) = EditCustomerRecords.Named(all);
        if (id is not { } customerId)
            return ChatFormOutcome.Invalid(GeneralField, context.Language.Pick("This customer no longer exists.", "Este cliente ya no existe."));
        var target = await records.LoadAsync(context, customerId);
        if (target.Customer is not { } customer)
            return ChatFormOutcome.Invalid(GeneralField, target.Refusal!);
        if (carried != target.Version)
            return ChatFormOutcome.Invalid(GeneralField, EditCustomerRecords.Stale(customer, context.Language));
        var typed = EditCustomerValues.Of(values);
        var check = await corrections.CorrectAsync(customer, typed.ToCorrection(), apply: false, context.CancellationToken);
        return check.Succeeded
            ? ChatFormOutcome.Act(EditCustomerActions.SaveVerb, all)
            : ChatFormOutcome.Invalid(await records.ErrorsAsync(context, check.Errors, typed));
    }
}
