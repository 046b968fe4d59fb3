using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Bot.Features.Duplicates;

/// <summary>
/// "duplicates &lt;customer&gt;": other records that are probably the same customer, each with why and a button to
/// merge it into this one; and the press of that button. Merging needs the full view of both records.
/// </summary>
public sealed class DuplicatesCommand(CustomerResolver resolver, CustomerLookup lookup, CustomerAccess access, CustomerMerger merger,
    AuditTrail audit, TimeProvider time) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Duplicates, ["duplicates"], ["duplicados"]) { NamesCustomer = true };

    public static IReadOnlyList<string> ActionVerbs { get; } = [MergeVerb];

    public static bool SettlesChoice => true;

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;

    Task ICardAction.HandleAsync(TurnContext context) => MergeAsync(context);


    public const string MergeVerb = "merge";
    public const string DuplicateIdKey = "duplicateId";

    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Duplicates);
        if (customer is null)
            return choices;
        if (await access.RequireAsync(context, customer, CustomerField.All) is null)
            return [];

        var candidates = await lookup.LookalikesAsync(customer, context.CancellationToken);
        var suspicions = candidates.Select(c => DuplicateRules.Assess(customer, c)).OfType<DuplicateSuspicion>()
            .OrderByDescending(s => s.Strong).Take(5).ToList();
        // The card names the customer (and company); the candidates are described in full.
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.Identity);
        foreach (var suspicion in suspicions)
            audit.Record(context, AuditAction.ListedInSearch, suspicion.Candidate.Id, CustomerField.BasicContact);
        context.Show(MergeCards.Duplicates(customer, suspicions, MergeVerb, DuplicateIdKey, context.Language));
        return [];
    }

    /// <summary>The "merge into" button: folds the duplicate into the chosen customer, after checking both may be merged by this user.</summary>
    public async Task MergeAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var survivor = CustomerResolver.ChosenId(context) is { } survivorId ? await lookup.GetAsync(survivorId, context.CancellationToken) : null;
        var duplicate = context.Turn.Action?.Value(DuplicateIdKey) is { } raw && Guid.TryParse(raw, out var duplicateId)
            ? await lookup.GetAsync(new CustomerId(duplicateId), context.CancellationToken)
            : null;
        if (survivor is null || duplicate is null || survivor.Id == duplicate.Id)
        {
            context.Say("One of those records no longer exists or was already merged, so nothing changed. Type \"duplicates\" and the customer to look again.",
                "Una de esas fichas ya no existe o ya se fusionó, así que no cambió nada. Escribe \"duplicados\" y el cliente para volver a mirar.");
            return;
        }
        var seesAll = (await access.GrantAsync(context, survivor)).Allows(CustomerField.All)
            && (await access.GrantAsync(context, duplicate)).Allows(CustomerField.All);
        if (!seesAll)
        {
            audit.Record(context, AuditAction.AccessDenied, duplicate.Id, CustomerField.All);
            context.Say("Merging moves everything of one record into the other, so it needs the full view of both; ask the owners' manager to merge these two.",
                "Fusionar mueve todo de una ficha a la otra, así que requiere ver ambas completas; pide al responsable de sus propietarios que las fusione.");
            return;
        }

        var outcome = await merger.StageAsync(survivor.Id, duplicate.Id, context.User.Id, time.GetUtcNow(), context.CancellationToken);
        if (outcome is null)
        {
            context.Say("One of those records no longer exists, so nothing changed.", "Una de esas fichas ya no existe, así que no cambió nada.");
            return;
        }
        audit.Record(context, AuditAction.MergedInto, survivor.Id, CustomerField.All);
        audit.Record(context, AuditAction.MergedInto, duplicate.Id, CustomerField.All);
        context.Show(MergeCards.Merged(survivor, outcome.Record, context.Language));
    }
}
