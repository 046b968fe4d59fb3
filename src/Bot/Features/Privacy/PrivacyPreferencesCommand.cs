using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Infrastructure.Consents;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// "privacy &lt;customer&gt;": the customer's privacy preferences as they stand — for each purpose and channel,
/// whether ChatCrm may reach out and why (their own statement, or their country's rule) — in the user's language.
/// </summary>
public sealed class PrivacyPreferencesCommand(CustomerResolver resolver, CustomerAccess access, ConsentSubjectReader consents,
    AuditTrail audit, TimeProvider time) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Privacy, ["privacy"], ["privacidad"]) { NamesCustomer = true };

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;


    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Privacy);
        if (customer is null)
            return choices;
        if (await access.RequireAsync(context, customer, CustomerField.Consents) is null)
            return [];

        var subject = await consents.ReadAsync(customer, time.GetUtcNow(), context.CancellationToken);
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.Identity | CustomerField.Consents);
        context.Show(ConsentCards.Summary(customer, ConsentSummary.Of(subject), context.Language));
        return [];
    }
}
