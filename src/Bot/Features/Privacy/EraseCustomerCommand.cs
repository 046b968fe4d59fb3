using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Privacy;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// "erase &lt;customer&gt;" (privacy officers only): asks for confirmation, then anonymises the customer. The
/// confirmation button works for a few minutes only, so an old card cannot erase anybody by accident.
/// </summary>
public sealed class EraseCustomerCommand(CustomerResolver resolver, CustomerErasure erasure, AuditTrail audit, TimeProvider time) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Erase, ["erase"], ["borrar", "suprimir"]) { NamesCustomer = true, PersonalChatOnly = true };

    public static IReadOnlyList<string> ActionVerbs { get; } = [ConfirmVerb];

    public static bool SettlesChoice => true;

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await AskAsync(context, argument)) ?? state;

    Task ICardAction.HandleAsync(TurnContext context) => ConfirmAsync(context);


    public const string ConfirmVerb = "eraseconfirm";
    public const string IssuedAtKey = "issuedAt";
    private static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<Guid>> AskAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!MayErase(context))
            return [];
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Erase);
        if (customer is null)
            return choices;

        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Show(PrivacyCards.ConfirmErasure(customer, ConfirmVerb, (IssuedAtKey, issuedAt), context.Language));
        return [];
    }

    public async Task ConfirmAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!MayErase(context))
            return;
        var issued = context.Turn.Action?.Value(IssuedAtKey);
        if (CustomerResolver.ChosenId(context) is not { } customerId
            || !long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > ConfirmationLifetime)
        {
            context.Say("That confirmation has expired, so nothing was erased. Type \"erase\" and the customer again.",
                "Esa confirmación ha caducado, así que no se borró nada. Escribe \"borrar\" y el cliente de nuevo.");
            return;
        }

        var report = await erasure.StageAsync(customerId, time.GetUtcNow(), context.CancellationToken);
        if (report is null)
        {
            context.Say("That customer no longer exists or was already erased; nothing changed.",
                "Ese cliente ya no existe o ya se había borrado; no cambió nada.");
            return;
        }
        audit.Record(context, AuditAction.Erased, customerId, CustomerField.All);
        context.Show(PrivacyCards.Erased(report, context.Language));
    }

    private static bool MayErase(TurnContext context)
    {
        if (NeedToKnowPolicy.MayExportOrErase(context.User))
            return true;
        context.Say("Only a privacy officer can erase a customer's data. Ask your privacy officer to handle the customer's request.",
            "Solo un responsable de privacidad puede borrar los datos de un cliente. Pide a tu responsable de privacidad que atienda la solicitud del cliente.");
        return false;
    }
}
