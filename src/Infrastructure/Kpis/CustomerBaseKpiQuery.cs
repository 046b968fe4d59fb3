using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Kpis;

/// <summary>
/// Gathers the seeds' customer-base figures (docs/kpis.md) for a team's customers: counts and sums in the database,
/// order sums by currency converted with the tier rates, and the ratios left to <see cref="CustomerBaseRules"/>.
/// </summary>
internal sealed class CustomerBaseKpiQuery(CrmDbContext db, ExchangeRates rates)
{
    public async Task<CustomerBaseKpis> ComputeAsync(IQueryable<Customer> customers, KpiPeriod period, CancellationToken ct)
    {
        var until = period.Until;
        var total = await customers.CountAsync(c => c.CreatedAt < until, ct);
        var active = await ActiveAsync(customers, until, ct);
        var previousActive = await ActiveAsync(customers, period.Since, ct);
        var value = await ValueAsync(customers, until.AddMonths(-12), until, ct);
        var previousValue = await ValueAsync(customers, period.Since.AddMonths(-12), period.Since, ct);
        return new CustomerBaseKpis(
            new CustomerCounts(total, active),
            new ValuePerCustomer(value, active, previousValue, previousActive, rates.ReportingCurrency),
            await RetentionAsync(customers, until, ct),
            await SatisfactionAsync(customers, period, ct));
    }

    /// <summary>Customers created before <paramref name="at"/> with a contact or an order in the <see cref="CustomerBaseRules.ActiveDays"/> days before it.</summary>
    private Task<int> ActiveAsync(IQueryable<Customer> customers, DateTimeOffset at, CancellationToken ct)
    {
        var since = at.AddDays(-CustomerBaseRules.ActiveDays);
        return customers.CountAsync(c => c.CreatedAt < at
            && (db.Interactions.Any(i => i.CustomerId == c.Id && i.OccurredAt >= since && i.OccurredAt < at)
                || db.Orders.Any(o => o.CustomerId == c.Id && o.PlacedAt >= since && o.PlacedAt < at)), ct);
    }

    /// <summary>The customers' orders placed in [since, until), in the reporting currency (a currency without a rate is left out).</summary>
    private async Task<decimal> ValueAsync(IQueryable<Customer> customers, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var sums = await (
                from o in db.Orders.AsNoTracking()
                join c in customers on o.CustomerId equals c.Id
                where o.PlacedAt >= since && o.PlacedAt < until
                group o by o.Currency into g
                select new { Currency = g.Key, Amount = g.Sum(o => o.Amount) })
            .ToListAsync(ct);
        return sums.Sum(s => rates.TryConvert(s.Amount, s.Currency, out var converted) ? converted : 0m);
    }

    /// <summary>Of the customers with value in the twelve months before the last twelve, those with value in the last twelve too.</summary>
    private async Task<Retention> RetentionAsync(IQueryable<Customer> customers, DateTimeOffset until, CancellationToken ct)
    {
        var currentSince = until.AddMonths(-12);
        var previousSince = until.AddMonths(-24);
        var sums = await (
                from o in db.Orders.AsNoTracking()
                join c in customers on o.CustomerId equals c.Id
                where o.PlacedAt >= previousSince && o.PlacedAt < until
                group o by new { o.CustomerId, o.Currency, Current = o.PlacedAt >= currentSince } into g
                select new { g.Key.CustomerId, g.Key.Currency, g.Key.Current, Amount = g.Sum(o => o.Amount) })
            .ToListAsync(ct);
        var byCustomer = sums.GroupBy(s => s.CustomerId).Select(g => (
            Previous: g.Where(s => !s.Current).Sum(s => rates.TryConvert(s.Amount, s.Currency, out var v) ? v : 0m),
            Current: g.Where(s => s.Current).Sum(s => rates.TryConvert(s.Amount, s.Currency, out var v) ? v : 0m))).ToList();
        var cohort = byCustomer.Where(c => c.Previous > 0m).ToList();
        return new Retention(cohort.Count, cohort.Count(c => c.Current > 0m));
    }

    /// <summary>Surveys about the customers' cases e-mailed in the period, and the answers they got (whenever given).</summary>
    private async Task<SatisfactionScores> SatisfactionAsync(IQueryable<Customer> customers, KpiPeriod period, CancellationToken ct)
    {
        var since = period.Since;
        var until = period.Until;
        var rows = await (
                from s in db.SatisfactionSurveys.AsNoTracking()
                join k in db.SupportCases on s.CaseId equals k.Id
                join c in customers on k.CustomerId equals c.Id
                where s.SentAt >= since && s.SentAt < until
                group s by new { s.Status, s.Score } into g
                select new { g.Key.Status, g.Key.Score, Count = g.Count() })
            .ToListAsync(ct);
        var answered = rows.Where(r => r.Status == SurveyStatus.Answered && r.Score is not null).ToList();
        return new SatisfactionScores(
            rows.Sum(r => r.Count),
            answered.Sum(r => r.Count),
            answered.Sum(r => r.Score!.Value * r.Count),
            answered.Where(r => SatisfactionRules.IsSatisfied(r.Score!.Value)).Sum(r => r.Count));
    }
}
