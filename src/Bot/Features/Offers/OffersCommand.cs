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
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// "offers &lt;customer&gt;": the next-best offers from the catalog. The eligibility rules (owned, tier, country,
/// cooling-off after a decline, made this week) and the consent rule (the customer's will, their country's policy,
/// partner incentives, an earlier visit, call or meeting) hold offers back with the reason; the rest are ranked by the
/// propensity model when there is enough history, else by rules, and the card says which. The offer would go out on
/// the channel the customer was last contacted on from a distance (e-mail when there was none). Every suggestion shown
/// is stored as an <see cref="OfferPresentation"/> whose buttons record the customer's answer (<see cref="OfferAnswerAction"/>).
/// </summary>
public sealed class OffersCommand(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit, OfferSuggester suggester, TimeProvider clock) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Offers, ["offers", "offer"], ["ofertas"]) { NamesCustomer = true };

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;


    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Offers);
        if (customer is null)
            return choices;
        var grant = await access.RequireAsync(context, customer, CustomerField.Offers);
        if (grant is null)
            return [];
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();

        var (suggestions, ranking) = await suggester.SuggestAsync(customer, now, ct);
        var presentations = suggestions.Suggested.Select(s => new OfferPresentation(OfferPresentationId.New(), customer.Id, s.Offer.Id, context.User.Id, now,
            context.Turn.Channel.ToString(), suggestions.Channel, ranking.Source, ranking.ModelVersionId)).ToList();
        db.OfferPresentations.AddRange(presentations);

        var showSuppressed = grant.Allows(CustomerField.SuppressedOffers);
        var shown = grant.Allows(CustomerField.Tier) ? suggestions : WithoutTierReasons(suggestions);
        var revealsTier = shown.Suggested.Any(s => s.Reasons.Any(IsTierReason))
            || (showSuppressed && shown.Suppressed.Any(s => s.Kind == SuppressionKind.TierTooLow));
        var revealsProducts = shown.Suggested.Any(s => s.Reasons.Contains(OfferWording.Buys(s.Offer.Category)))
            || (showSuppressed && shown.Suppressed.Any(s => s.Kind == SuppressionKind.AlreadyOwned));
        audit.Record(context, AuditAction.ViewedOffers, customer.Id,
            CustomerField.Identity | CustomerField.Offers | (showSuppressed ? CustomerField.SuppressedOffers : CustomerField.None)
            | (revealsTier ? CustomerField.Tier : CustomerField.None) | (revealsProducts ? CustomerField.Products : CustomerField.None));
        context.Show(OfferCards.Suggestions(customer, shown, presentations.Select(p => p.Id).ToList(), context.Language, showSuppressed, context.Zone));
        return [];
    }

    /// <summary>A suggestion's "Platinum tier" reason tells the customer's value tier: left out for those who may not see tiers.</summary>
    private static OfferSuggestions WithoutTierReasons(OfferSuggestions suggestions) => suggestions with
    {
        Suggested = [.. suggestions.Suggested.Select(s => s with { Reasons = [.. s.Reasons.Where(r => !IsTierReason(r))] })],
    };

    private static bool IsTierReason(LocalizedText reason) => Enum.GetValues<ValueTier>().Any(tier => OfferWording.TierReason(tier) == reason);
}
