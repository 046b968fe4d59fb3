using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Features.Interactions;
using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// "history &lt;customer&gt;" ("historial"): the latest interactions on every channel, newest first, one page at a time
/// ("Older" asks for the next). Needs the right to see interactions; each page shown is audited as a view.
/// </summary>
public sealed class HistoryCommand(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.History, ["history"], ["historial"]) { NamesCustomer = true };

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;


    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, InteractionCards.HistoryVerb);
        if (customer is null)
            return choices;
        var language = context.Language;
        if (await access.RequireAsync(context, customer, CustomerField.Interactions) is null)
            return [];

        var page = int.TryParse(context.Turn.Action?.Value(InteractionCards.HistoryPageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var asked)
            ? Math.Min(asked, 10_000)
            : 0;
        var ct = context.CancellationToken;
        var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customer.Id);
        var total = await interactions.CountAsync(ct);
        var rows = await interactions
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt)
            .Skip(page * InteractionCards.HistoryPageSize)
            .Take(InteractionCards.HistoryPageSize + 1)
            .ToListAsync(ct);
        var shown = rows.Take(InteractionCards.HistoryPageSize).ToList();
        var authors = shown.Select(i => i.LoggedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.Identity | CustomerField.Interactions);
        context.Show(InteractionCards.History(customer, shown.Select(i => new LastContact(i, names.GetValueOrDefault(i.LoggedBy))).ToList(),
            page, olderExist: rows.Count > InteractionCards.HistoryPageSize, total, language, context.User.ResolveTimeZone()));
        return [];
    }
}
