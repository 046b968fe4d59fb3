using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// "export &lt;customer&gt;" (privacy officers only): a download link for everything held about the customer,
/// for answering their request to see their data.
/// </summary>
public sealed class ExportCustomerCommand(CustomerResolver resolver, ExportLinks links, AuditTrail audit) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Export, ["export"], ["exportar"]) { NamesCustomer = true, PersonalChatOnly = true };

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;


    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayExportOrErase(context.User))
        {
            context.Say("Only a privacy officer can export a customer's data. Ask your privacy officer to handle the customer's request.",
                "Solo un responsable de privacidad puede exportar los datos de un cliente. Pide a tu responsable de privacidad que atienda la solicitud del cliente.");
            return [];
        }
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Export);
        if (customer is null)
            return choices;

        var link = await links.IssueAsync(customer.Id, context.User.Id, context.CancellationToken);
        if (link is null)
        {
            context.Say("Exports need the bot's public address: ask your ChatCrm administrator to set Privacy:PublicBaseUrl.",
                "Las exportaciones necesitan la dirección pública del bot: pide a tu administrador de ChatCrm que configure Privacy:PublicBaseUrl.");
            return [];
        }
        audit.Record(context, AuditAction.ExportRequested, customer.Id, CustomerField.All);
        context.Show(PrivacyCards.ExportReady(customer, link, links.Lifetime, context.Language));
        return [];
    }
}
