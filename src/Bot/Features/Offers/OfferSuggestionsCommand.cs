using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// "suggestions" / "sugerencias": the customer events queued for the rep who owns the customers (a large order or
/// deposit, a resolved case, a tier change), newest first, each with the offers that fit now — consent and eligibility
/// are checked again when shown, not when queued — and a button to dismiss it. Need-to-know is applied per customer
/// (a customer the rep may no longer see offers for is left out) and every customer shown is audited.
/// </summary>
public sealed class OfferSuggestionsCommand(CrmDbContext db, CustomerAccess access, AuditTrail audit, OfferSuggester suggester, TimeProvider clock) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("suggestions", ["suggestions"], ["sugerencias"]);

    public static IReadOnlyList<string> ActionVerbs { get; } = [DismissVerb];

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        await RunAsync(context);
        return state;
    }

    Task ICardAction.HandleAsync(TurnContext context) => DismissAsync(context);


    public const string DismissVerb = "suggestion-dismiss";
    public const string SuggestionKey = "suggestionId";

    /// <summary>At most this many suggestions on one card; the rest wait for the next look.</summary>
    public const int MaxShown = 10;

    public async Task RunAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var userId = context.User.Id;
        var queued = await (from s in db.QueuedOfferSuggestions.AsNoTracking()
                            join c in db.Customers on s.CustomerId equals c.Id
                            where s.DismissedAt == null && c.OwnerId == userId && c.MergedIntoId == null
                            select new { Suggestion = s, Customer = c })
            .ToListAsync(ct);

        var items = new List<SuggestionItem>();
        foreach (var row in queued.OrderByDescending(q => q.Suggestion.OccurredAt).ThenBy(q => q.Suggestion.Id))
        {
            if (items.Count == MaxShown)
                break;
            var grant = await access.GrantAsync(context, row.Customer);
            if (!grant.Allows(CustomerField.Offers))
                continue;
            var (suggestions, _) = await suggester.SuggestAsync(row.Customer, now, ct);
            items.Add(new SuggestionItem(row.Suggestion, row.Customer, suggestions));
            audit.Record(context, AuditAction.ViewedOfferSuggestions, row.Customer.Id, CustomerField.Identity | CustomerField.Offers);
        }
        context.Show(OfferSuggestionCards.Queue(items, queued.Count > items.Count && items.Count == MaxShown, context.Language));
    }

    public async Task DismissAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var values = context.Turn.Action?.Values ?? new Dictionary<string, string>();
        var suggestion = Guid.TryParse(values.GetValueOrDefault(SuggestionKey), out var id)
            ? await db.QueuedOfferSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;
        var customer = suggestion is null ? null : await db.Customers.FirstOrDefaultAsync(c => c.Id == suggestion.CustomerId, ct);
        if (suggestion is null || customer is null)
        {
            context.Say("I can't find that suggestion any more; nothing was changed. Type \"suggestions\" for a fresh list.",
                "Ya no encuentro esa sugerencia; no se ha cambiado nada. Escribe \"sugerencias\" para ver la lista actual.");
            return;
        }
        if (await access.RequireAsync(context, customer, CustomerField.Offers) is null)
            return;
        if (suggestion.DismissedAt is not null)
        {
            context.Say($"That suggestion for {customer.DisplayName} was already dismissed.", $"Esa sugerencia para {customer.DisplayName} ya estaba descartada.");
            return;
        }
        suggestion.Dismiss(context.User.Id, clock.GetUtcNow());
        audit.Record(context, AuditAction.DismissedOfferSuggestion, customer.Id, CustomerField.Identity | CustomerField.Offers);
        context.Say($"Dismissed the suggestion for {customer.DisplayName} ({suggestion.Reason.English}). A new event will bring it back.",
            $"Descartada la sugerencia para {customer.DisplayName} ({suggestion.Reason.Spanish}). Un nuevo evento la volverá a traer.");
    }
}
