using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>What an erasure changed, for the confirmation the privacy officer sees.</summary>
public sealed record ErasureReport(string FormerName, int HandlesRemoved, int InteractionsRedacted, int OrdersKept);

/// <summary>
/// The right to erasure: anonymises one customer — name, company and handles go (theirs and those of the duplicates
/// merged into them), what was said goes from every interaction, support case and case note, merge record, queued
/// suggestion, consent source and audit detail, and stored requests that quote them lose their bodies — while orders
/// stay, so totals and tiers keep adding up. The changes are staged on the context and saved with the caller's other
/// changes (the audit entry), in one transaction.
/// </summary>
public sealed class CustomerErasure(CrmDbContext db)
{
    /// <returns>What was changed, or null when there is no such customer (or it was erased before).</returns>
    public async Task<ErasureReport?> StageAsync(CustomerId customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || customer.IsErased)
            return null;

        var absorbed = await db.Customers.Where(c => c.MergedIntoId == customerId).ToListAsync(cancellationToken);
        var records = absorbed.Select(c => c.Id).Append(customerId).ToList();
        var formerTexts = FormerTexts(customer, absorbed);
        var formerName = customer.DisplayName;
        var handles = customer.Identities.Count;

        await ForgetWordsOnlyThisCustomerHadAsync(customerId, cancellationToken);
        customer.Erase(at);
        foreach (var duplicate in absorbed)
            duplicate.Erase(at);
        var interactions = await RedactInteractionsAsync(records, cancellationToken);
        await RedactSupportCasesAsync(records, cancellationToken);
        await RedactMergesAsync(records, formerTexts, cancellationToken);
        await DropQueuedSuggestionsAsync(records, cancellationToken);
        await RedactConsentSourcesAsync(records, cancellationToken);
        await ForgetAuditDetailsAsync(records, cancellationToken);
        await new StoredRequestErasure(db).StageAsync(records, formerTexts, cancellationToken);
        await MarkErasureRequestsDoneAsync(customerId, at, cancellationToken);
        await EndPrivacyCentreAccessAsync(customerId, cancellationToken);
        var orders = await db.Orders.CountAsync(o => o.CustomerId == customerId, cancellationToken);
        return new ErasureReport(formerName, handles, interactions, orders);
    }

    /// <summary>
    /// The customer's privacy centre sessions and sign-in links go with them: an erased record has nothing left to show,
    /// and a session or a link is one more row tying a browser to it.
    /// </summary>
    private async Task EndPrivacyCentreAccessAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        db.PrivacySessions.RemoveRange(await db.PrivacySessions.Where(s => s.CustomerId == customerId).ToListAsync(cancellationToken));
        db.PrivacyLinks.RemoveRange(await db.PrivacyLinks.Where(l => l.CustomerId == customerId).ToListAsync(cancellationToken));
    }

    /// <summary>The texts that name the customer, to find them where they were quoted: names, companies and handles.</summary>
    private static List<string> FormerTexts(Customer customer, IEnumerable<Customer> absorbed) =>
        absorbed.Prepend(customer)
            .SelectMany(c => new[] { c.DisplayName, c.Company }.Concat(c.Identities.Select(i => i.Value)))
            .OfType<string>().Where(text => text.Trim().Length >= 3).Distinct(StringComparer.Ordinal).ToList();

    private async Task<int> RedactInteractionsAsync(List<CustomerId> records, CancellationToken cancellationToken)
    {
        var interactions = await db.Interactions.IgnoreQueryFilters().Where(i => records.Contains(i.CustomerId)).ToListAsync(cancellationToken);
        foreach (var interaction in interactions)
            interaction.Redact();
        return interactions.Count;
    }

    private async Task RedactSupportCasesAsync(List<CustomerId> records, CancellationToken cancellationToken)
    {
        foreach (var supportCase in await db.SupportCases.Include(c => c.History).Where(c => records.Contains(c.CustomerId)).ToListAsync(cancellationToken))
            supportCase.Redact();
        foreach (var survey in await db.SatisfactionSurveys.Where(s => records.Contains(s.CustomerId) && s.Comment != null).ToListAsync(cancellationToken))
            survey.Redact();
    }

    private async Task RedactMergesAsync(List<CustomerId> records, List<string> formerTexts, CancellationToken cancellationToken)
    {
        foreach (var merge in await db.CustomerMerges.Where(m => records.Contains(m.SurvivorId) || records.Contains(m.MergedId)).ToListAsync(cancellationToken))
            merge.Redact(formerTexts);
    }

    /// <summary>A suggestion waiting for an erased customer has nobody left to reach, and its reason may quote a case title.</summary>
    private async Task DropQueuedSuggestionsAsync(List<CustomerId> records, CancellationToken cancellationToken) =>
        db.QueuedOfferSuggestions.RemoveRange(await db.QueuedOfferSuggestions.Where(s => records.Contains(s.CustomerId)).ToListAsync(cancellationToken));

    private async Task RedactConsentSourcesAsync(List<CustomerId> records, CancellationToken cancellationToken)
    {
        foreach (var consent in await db.ConsentRecords.Where(c => records.Contains(c.CustomerId)).ToListAsync(cancellationToken))
            consent.RedactSource();
    }

    private async Task ForgetAuditDetailsAsync(List<CustomerId> records, CancellationToken cancellationToken)
    {
        foreach (var entry in await db.AuditEntries.Where(a => a.CustomerId != null && records.Contains(a.CustomerId.Value) && a.Details != null).ToListAsync(cancellationToken))
            entry.ForgetDetails();
    }

    /// <summary>The customer's own requests for this (from the privacy centre) are done with it.</summary>
    private async Task MarkErasureRequestsDoneAsync(CustomerId customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var request in await db.ErasureRequests.Where(r => r.CustomerId == customerId && r.Status == ErasureRequestStatus.Pending).ToListAsync(cancellationToken))
            request.MarkDone(null, at);
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
