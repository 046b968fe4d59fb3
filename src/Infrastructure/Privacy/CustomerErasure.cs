using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>What an erasure changed, for the confirmation the privacy officer sees.</summary>
public sealed record ErasureReport(string FormerName, int HandlesRemoved, int InteractionsRedacted, int OrdersKept);

/// <summary>
/// The right to erasure: anonymises one customer — name, company and handles go, what was said in every
/// interaction is redacted — while orders stay, so totals and tiers keep adding up. The changes are staged on
/// the context and saved with the caller's other changes (the audit entry), in one transaction.
/// </summary>
public sealed class CustomerErasure(CrmDbContext db)
{
    /// <returns>What was changed, or null when there is no such customer (or it was erased before).</returns>
    public async Task<ErasureReport?> StageAsync(CustomerId customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || customer.IsErased)
            return null;

        var formerName = customer.DisplayName;
        var handles = customer.Identities.Count;
        await ForgetWordsOnlyThisCustomerHadAsync(customerId, cancellationToken);
        customer.Erase(at);
        var interactions = await db.Interactions.IgnoreQueryFilters().Where(i => i.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var interaction in interactions)
            interaction.Redact();
        var orders = await db.Orders.CountAsync(o => o.CustomerId == customerId, cancellationToken);
        // The customer's own requests for this (from the privacy centre) are done with it.
        foreach (var request in await db.ErasureRequests.Where(r => r.CustomerId == customerId && r.Status == Domain.PrivacyCentre.ErasureRequestStatus.Pending).ToListAsync(cancellationToken))
            request.MarkDone(null, at);
        return new ErasureReport(formerName, handles, interactions.Count, orders);
    }

    /// <summary>
    /// A rare surname in the search vocabulary would outlive the customer it belonged to: the words no other
    /// customer has leave the vocabulary too. (The customer's own index rows go when its name does.)
    /// </summary>
    private async Task ForgetWordsOnlyThisCustomerHadAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var words = await db.CustomerSearchTerms.Where(t => t.CustomerId == customerId).Select(t => t.Word).ToListAsync(cancellationToken);
        if (words.Count == 0)
            return;
        var shared = await db.CustomerSearchTerms.Where(t => words.Contains(t.Word) && t.CustomerId != customerId)
            .Select(t => t.Word).Distinct().ToListAsync(cancellationToken);
        var orphans = words.Except(shared, StringComparer.Ordinal).ToList();
        db.SearchWordVariants.RemoveRange(await db.SearchWordVariants.Where(v => orphans.Contains(v.Word)).ToListAsync(cancellationToken));
    }
}
