using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers.HandOver;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>
/// Confirm (or Cancel) on a hand-over confirmation. Everything is checked again as it is now — the presser's right,
/// the new owner, the customer still there — and a whole book whose count changed since is confirmed once more with
/// the new count. The change, its audit and the new owner's notice are saved with the turn, in one transaction.
/// </summary>
public sealed class HandOverConfirmAction(CrmDbContext db, CustomerAccess access, CustomerHandOver handOver, IOptions<HandOverOptions> options,
    AuditTrail audit) : ICardAction
{
    public static IReadOnlyList<string> ActionVerbs { get; } = [HandOverCards.ConfirmVerb, HandOverCards.CancelVerb];

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (action.Verb == HandOverCards.CancelVerb)
        {
            context.Say("Nothing was handed over.", "No se ha traspasado nada.");
            return;
        }
        var heir = await UserAsync(action.Value(HandOverCards.HeirKey), context.CancellationToken);
        if (heir is null)
        {
            context.Say("That person is no longer in ChatCrm; nothing was handed over.", "Esa persona ya no está en ChatCrm; no se ha traspasado nada.");
            return;
        }
        if (await UserAsync(action.Value(HandOverCards.BookOfKey), context.CancellationToken) is { } owner)
            await ConfirmBookAsync(context, owner, heir, int.TryParse(action.Value(HandOverCards.CountKey), out var shown) ? shown : -1);
        else if (Guid.TryParse(action.Value(HandOverCards.CustomerKey), out var customerId))
            await ConfirmCustomerAsync(context, new CustomerId(customerId), heir);
        else
            context.Say("That confirmation is no longer valid; nothing was handed over.", "Esa confirmación ya no es válida; no se ha traspasado nada.");
    }

    private async Task ConfirmBookAsync(TurnContext context, User owner, User heir, int shown)
    {
        if (Refused(context, HandOverPolicy.RefusalForBook(context.User, owner) ?? HandOverPolicy.RefusalToReceive(heir, owner.Id), $"reassign all from user {owner.Id}"))
            return;
        var book = await handOver.BookOfAsync(owner.Id, context.CancellationToken);
        if (book.Count == 0)
        {
            // A second press of Confirm (or someone else's hand-over since): there is nothing left to move.
            context.Say($"{owner.DisplayName} owns no customers now, so nothing was handed over.",
                $"{owner.DisplayName} ya no tiene clientes, así que no se ha traspasado nada.");
            return;
        }
        if (book.Count != shown)
        {
            context.Show(HandOverCards.ConfirmBook(owner, heir, book.Count, options.Value.Rules, context.Language, changedFrom: shown));
            return;
        }
        var outcome = await handOver.StageAsync(book, heir, context.User, context.Turn.Channel.ToString(), options.Value.Rules, context.CancellationToken);
        Done(context, outcome, heir);
    }

    private async Task ConfirmCustomerAsync(TurnContext context, CustomerId customerId, User heir)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null && c.ErasedAt == null, context.CancellationToken);
        if (customer is null)
        {
            context.Say("That customer was merged or erased since; nothing was handed over. Search for them again.",
                "Ese cliente se fusionó o se borró entretanto; no se ha traspasado nada. Vuelve a buscarlo.");
            return;
        }
        var refusal = HandOverPolicy.RefusalForCustomer(context.User, await access.GrantAsync(context, customer))
            ?? HandOverPolicy.RefusalToReceive(heir, customer.OwnerId);
        if (refusal is not null)
        {
            audit.Record(context, AuditAction.AccessDenied, customer.Id, CustomerField.Identity);
            context.Say($"I can't hand {customer.DisplayName} over: {refusal.English}", $"No puedo traspasar {customer.DisplayName}: {refusal.Spanish}");
            return;
        }
        Done(context, await handOver.StageAsync([customer], heir, context.User, context.Turn.Channel.ToString(), options.Value.Rules, context.CancellationToken), heir);
    }

    private bool Refused(TurnContext context, LocalizedText? refusal, string what)
    {
        if (refusal is null)
            return false;
        audit.Record(context, AuditAction.AccessDenied, what);
        context.Say($"I can't do that: {refusal.English}", $"No puedo hacerlo: {refusal.Spanish}");
        return true;
    }

    private static void Done(TurnContext context, HandOverOutcome outcome, User heir)
    {
        var also = HandOverCards.AlsoMoved(outcome.CasesMoved, outcome.FollowUpsMoved);
        var cases = also is null ? string.Empty : $" ({also.English} too)";
        var casos = also is null ? string.Empty : $" (y {also.Spanish})";
        context.Say($"Done: {outcome.Customers} customer{(outcome.Customers == 1 ? string.Empty : "s")} handed to {heir.DisplayName}{cases}. They get a message with the list.",
            $"Hecho: {outcome.Customers} cliente{(outcome.Customers == 1 ? string.Empty : "s")} traspasado{(outcome.Customers == 1 ? string.Empty : "s")} a {heir.DisplayName}{casos}. Recibirá un mensaje con la lista.");
    }

    private async Task<User?> UserAsync(string? raw, CancellationToken cancellationToken) =>
        Guid.TryParse(raw, out var id) ? await db.Users.FirstOrDefaultAsync(u => u.Id == new UserId(id), cancellationToken) : null;
}
