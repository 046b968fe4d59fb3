using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Interactions.Summaries;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>
/// "last &lt;customer&gt;": where the last conversation ended, whatever channel it was on, and what a rep needs before
/// speaking. Need-to-know decides each part (support sees cases and consents but no tier or revenue); the audit entry
/// names exactly the parts shown.
/// </summary>
public sealed class LastConversationCommand(
    CustomerResolver resolver, CustomerAccess access, CrmDbContext db, AuditTrail audit, ConsentSubjectReader consents,
    ConversationSummariser summariser, TimeProvider time) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CustomerVerbs.Last, ["last"], ["ultimo", "ultima"]) { NamesCustomer = true };

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;


    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (customer, choices) = await resolver.ResolveAsync(context, query, CustomerVerbs.Last);
        if (customer is null)
            return choices;
        var grant = await access.RequireAsync(context, customer, CustomerField.Interactions);
        if (grant is null)
            return [];

        var cancellation = context.CancellationToken;
        var now = time.GetUtcNow();
        var reading = await new LastConversationReader(db).ReadAsync(customer.Id, cancellation);
        var (newest, last, total, loggedBy) = (reading.Newest, reading.Last, reading.Total, reading.LoggedBy);

        var shown = CustomerField.Identity | CustomerField.Interactions;
        var view = new LastConversationView(customer, last, loggedBy, total)
        {
            FollowUp = FollowUp.OpenAmong(newest),
            Today = Dates.Today(now, context.Zone),
            Zone = context.Zone,
            Summary = await summariser.SummariseAsync(newest, context.Language, context.Zone, cancellation),
        };
        if (grant.Allows(CustomerField.Cases))
        {
            view = view with { OpenCases = await OpenCasesAsync(customer, now, cancellation) };
            shown |= CustomerField.Cases;
        }
        if (grant.Allows(CustomerField.Tier))
        {
            view = view with { Tier = await TierAsync(customer, cancellation), ShowsRevenue = grant.Allows(CustomerField.Revenue) };
            shown |= CustomerField.Tier | (grant.Allows(CustomerField.Revenue) ? CustomerField.Revenue : CustomerField.None);
        }
        if (grant.Allows(CustomerField.Consents))
        {
            view = view with { Consents = ConsentSummary.Of(await consents.ReadAsync(customer, now, cancellation)) };
            shown |= CustomerField.Consents;
        }

        audit.Record(context, AuditAction.ViewedLastConversation, customer.Id, shown);
        context.Show(LastConversationCards.Summary(view, context.Language));
        return [];
    }

    private async Task<List<(SupportCase Case, SlaDecision Sla)>> OpenCasesAsync(Customer customer, DateTimeOffset now, CancellationToken cancellation)
    {
        var open = await db.SupportCases.AsNoTracking()
            .Where(c => c.CustomerId == customer.Id && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer))
            .ToListAsync(cancellation);
        return open.OrderBy(c => c.SlaDueAt).Select(c => (c, SlaBreachRule.Evaluate(c, now))).ToList();
    }

    private async Task<TierFigures> TierAsync(Customer customer, CancellationToken cancellation)
    {
        var value = await db.CustomerValues.AsNoTracking().FirstOrDefaultAsync(v => v.CustomerId == customer.Id, cancellation);
        var moves = await db.TierChanges.AsNoTracking().Where(t => t.CustomerId == customer.Id).ToListAsync(cancellation);
        return new TierFigures(value, moves.MaxBy(m => m.ChangedAt), new NeedsSegment([]));
    }
}
