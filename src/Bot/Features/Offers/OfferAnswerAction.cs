using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// An "Accept / Not now / Decline" press on an offers card: records the customer's answer on the presentation the
/// button names, after checking that the person pressing may see the customer's offers (need-to-know), audited, and
/// confirms in the reader's language. The same answer twice stores nothing; a different answer replaces the earlier
/// one, which stays on record (see <see cref="OfferPresentation"/> for why a change is allowed).
/// </summary>
public sealed class OfferAnswerAction(CustomerAccess access, CrmDbContext db, AuditTrail audit, TimeProvider clock) : ICardAction
{
    /// <summary>An answer names its offer: recorded whatever dialog is in progress, which stays as it was.</summary>
    public static IReadOnlyList<string> ActionVerbs { get; } = [Verb];

    Task ICardAction.HandleAsync(TurnContext context) => AnswerAsync(context);


    public const string Verb = "offer-answer";
    public const string PresentationKey = "presentationId";
    public const string ResponseKey = "response";

    public async Task AnswerAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Turn.Action?.Values ?? new Dictionary<string, string>();
        if (!Guid.TryParse(values.GetValueOrDefault(PresentationKey), out var id)
            || !Enum.TryParse<OfferResponse>(values.GetValueOrDefault(ResponseKey), ignoreCase: false, out var response)
            || !Enum.IsDefined(response))
        {
            context.Say("That button did not say which offer or which answer; nothing was recorded. Type \"offers <customer>\" for a fresh card.",
                "Ese botón no indicaba qué oferta ni qué respuesta; no se ha registrado nada. Escriba \"ofertas <cliente>\" para ver una tarjeta nueva.");
            return;
        }
        var ct = context.CancellationToken;
        var presentation = await db.OfferPresentations.FirstOrDefaultAsync(p => p.Id == new OfferPresentationId(id), ct);
        var customer = presentation is null ? null : await db.Customers.FirstOrDefaultAsync(c => c.Id == presentation.CustomerId, ct);
        if (presentation is null || customer is null)
        {
            context.Say("I can't find that offer any more (the customer's record may have been erased); nothing was recorded.",
                "Ya no encuentro esa oferta (puede que se hayan borrado los datos del cliente); no se ha registrado nada.");
            return;
        }
        if (await access.RequireAsync(context, customer, CustomerField.Offers) is null)
            return;
        var offerName = await db.Offers.Where(o => o.Id == presentation.OfferId).Select(o => o.Name).FirstAsync(ct);

        var outcome = presentation.Answer(response, context.User.Id, clock.GetUtcNow());
        var said = OfferWording.Response(response).In(context.Language);
        switch (outcome.Change)
        {
            case OfferAnswerChange.Unchanged:
                context.Say($"Already recorded for {customer.DisplayName}: {offerName} — {said}. Nothing changed.",
                    $"Ya estaba registrado para {customer.DisplayName}: {offerName} — {said}. No ha cambiado nada.");
                return;
            case OfferAnswerChange.Changed:
                var before = OfferWording.Response(outcome.Previous!.Value).In(context.Language);
                context.Say($"Changed for {customer.DisplayName}: {offerName} — {said} (was {before}; the earlier answer stays on record).",
                    $"Cambiado para {customer.DisplayName}: {offerName} — {said} (antes {before}; la respuesta anterior queda registrada).");
                break;
            default:
                context.Say($"Recorded for {customer.DisplayName}: {offerName} — {said}. Thanks, this helps rank the next offers.",
                    $"Registrado para {customer.DisplayName}: {offerName} — {said}. Gracias, esto ayuda a ordenar las próximas ofertas.");
                break;
        }
        db.OfferAnswers.Add(outcome.Row!);
        audit.Record(context, AuditAction.AnsweredOffer, customer.Id, CustomerField.Identity | CustomerField.Offers);
    }
}
