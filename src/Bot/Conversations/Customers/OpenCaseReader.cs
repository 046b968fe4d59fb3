using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>Reads customers' active support cases for their profile cards.</summary>
public sealed class OpenCaseReader(CrmDbContext db, TimeProvider clock)
{
    /// <summary>The customer's active cases, most urgent first, for the profile card.</summary>
    public async Task<IReadOnlyList<CaseLine>> OpenCasesAsync(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return (await OpenCasesAsync([customer], ct))[customer.Id];
    }

    /// <summary>Each customer's active cases, most urgent first, in one statement for all of them.</summary>
    public async Task<Dictionary<CustomerId, IReadOnlyList<CaseLine>>> OpenCasesAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0)
            return [];
        var ids = customers.Select(c => c.Id).ToList();
        var cases = (await db.SupportCases.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId) && (c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed))
            .ToListAsync(ct)).ToLookup(c => c.CustomerId);
        var now = clock.GetUtcNow();
        return customers.DistinctBy(c => c.Id).ToDictionary(c => c.Id, IReadOnlyList<CaseLine> (c) =>
            cases[c.Id].OrderBy(s => s.SlaDueAt).Select(s => new CaseLine(s, c.DisplayName, SlaBreachRule.Evaluate(s, now))).ToList());
    }
}
