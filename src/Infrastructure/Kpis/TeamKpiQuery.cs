using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Kpis;

/// <summary>
/// Computes a manager's <see cref="TeamKpis"/> for a period. The team is the reps reporting to the manager and its
/// customers are the live accounts those reps own — what need-to-know lets the manager see in full. Every figure is
/// one aggregate or filtered query in the database: nothing loads the team's interactions or orders into memory,
/// so the cost grows with what is reported (a few lines per section), not with the team's history. The judgements
/// (near an SLA, falling value, acceptance rate) are <see cref="KpiRules"/>.
/// </summary>
public sealed class TeamKpiQuery(CrmDbContext db, IOptions<TierOptions> tiers, SlaAttainmentQuery? slaAttainment = null)
{
    private static readonly ValueTier[] HighValue = [ValueTier.Gold, ValueTier.Platinum];

    private static readonly CaseStatus[] ActiveStatuses = [CaseStatus.Open, CaseStatus.InProgress, CaseStatus.WaitingOnCustomer];

    public async Task<TeamKpis> ComputeAsync(UserId managerId, KpiPeriod period, DateOnly today, KpiThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var team = await db.Users.AsNoTracking().Where(u => u.ManagerId == managerId)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var names = team.ToDictionary(r => r.Id, r => r.DisplayName);
        var repIds = team.Select(r => r.Id).ToList();
        var owners = team.Select(r => (UserId?)r.Id).ToList();
        var customers = db.Customers.AsNoTracking().Where(c => owners.Contains(c.OwnerId) && c.ErasedAt == null && c.MergedIntoId == null);
        var scope = new Scope(period, today, thresholds, names, customers);

        var activity = await ActivityAsync(repIds, scope, cancellationToken);
        var overdue = await OverdueAsync(scope, cancellationToken);
        var atRisk = await AtRiskAsync(scope, cancellationToken);
        var cases = await CasesAsync(scope, cancellationToken);
        var offers = await OffersAsync(repIds, period, cancellationToken);
        var created = customers.Where(c => c.CreatedAt >= period.Since && c.CreatedAt < period.Until);
        var newCustomers = new KpiList<NewCustomer>(
            await created.CountAsync(cancellationToken),
            (await created.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.DisplayName).Take(thresholds.LinesPerSection)
                .Select(c => new { c.Id, c.DisplayName, c.OwnerId, c.CreatedAt }).ToListAsync(cancellationToken))
                .Select(c => new NewCustomer(c.Id, c.DisplayName, names[c.OwnerId!.Value], c.CreatedAt)).ToList());
        var customerBase = await new CustomerBaseKpiQuery(db, tiers.Value.ToExchangeRates()).ComputeAsync(customers, period, cancellationToken);
        return new TeamKpis(period, activity, overdue, atRisk, cases, offers, newCustomers)
        {
            CustomerBase = customerBase,
            Sla = slaAttainment is null ? null : await slaAttainment.ComputeAsync(managerId, period, cancellationToken),
        };
    }

    /// <summary>Shown, answered and accepted in one pass over the team's presentations of the period (was three).</summary>
    private async Task<OfferResponses> OffersAsync(List<UserId> repIds, KpiPeriod period, CancellationToken cancellationToken)
    {
        var counts = await db.OfferPresentations.AsNoTracking()
            .Where(p => repIds.Contains(p.PresentedTo) && p.PresentedAt >= period.Since && p.PresentedAt < period.Until)
            .GroupBy(p => p.Response)
            .Select(g => new { Response = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new OfferResponses(
            counts.Sum(c => c.Count),
            counts.Where(c => c.Response != null).Sum(c => c.Count),
            counts.Where(c => c.Response == OfferResponse.Accepted).Sum(c => c.Count));
    }

    private async Task<IReadOnlyList<RepActivity>> ActivityAsync(List<UserId> repIds, Scope scope, CancellationToken cancellationToken)
    {
        var logged = await db.Interactions.AsNoTracking()
            .Where(i => repIds.Contains(i.LoggedBy) && i.RecordedAt >= scope.Period.Since && i.RecordedAt < scope.Period.Until)
            .GroupBy(i => new { i.LoggedBy, i.Channel })
            .Select(g => new { g.Key.LoggedBy, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return scope.Names
            .Select(r => new RepActivity(r.Value, logged.Where(l => l.LoggedBy == r.Key).ToDictionary(l => l.Channel, l => l.Count)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.RepName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The <c>FollowUp</c> rule in SQL: a follow-up is open only on a customer's latest interaction. Counted from the
    /// team's customers (one seek each for the latest interaction's follow-up date); the lines are read the other way
    /// round, oldest due date first from the index of interactions that set a follow-up, so that the query stops as soon
    /// as it has enough lines instead of sorting every overdue customer of the team.
    /// </summary>
    private async Task<KpiList<OverdueFollowUp>> OverdueAsync(Scope scope, CancellationToken cancellationToken)
    {
        var today = scope.Today;
        var customers = scope.Customers;
        var count = await customers.CountAsync(c => db.Interactions.Where(i => i.CustomerId == c.Id)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt)
            .Select(i => i.FollowUpOn).FirstOrDefault() < today, cancellationToken);

        var open =
            from i in db.Interactions.AsNoTracking()
            where i.FollowUpOn != null && i.FollowUpOn < today
                  && !db.Interactions.Any(n => n.CustomerId == i.CustomerId
                                               && (n.OccurredAt > i.OccurredAt || (n.OccurredAt == i.OccurredAt && n.RecordedAt > i.RecordedAt)))
                  && customers.Any(c => c.Id == i.CustomerId)
            select new
            {
                i.CustomerId,
                Due = i.FollowUpOn!.Value,
                DisplayName = db.Customers.Where(c => c.Id == i.CustomerId).Select(c => c.DisplayName).First(),
                OwnerId = db.Customers.Where(c => c.Id == i.CustomerId).Select(c => c.OwnerId).First(),
            };
        var lines = (await open.OrderBy(o => o.Due).ThenBy(o => o.DisplayName).Take(scope.Thresholds.LinesPerSection + 1).ToListAsync(cancellationToken))
            .DistinctBy(o => o.CustomerId).Take(scope.Thresholds.LinesPerSection)
            .Select(o => new OverdueFollowUp(o.CustomerId, o.DisplayName, scope.Names[o.OwnerId!.Value], o.Due, today.DayNumber - o.Due.DayNumber))
            .ToList();
        return new KpiList<OverdueFollowUp>(count, lines);
    }

    private async Task<KpiList<AtRiskCustomer>> AtRiskAsync(Scope scope, CancellationToken cancellationToken)
    {
        var until = scope.Period.Until;
        var quietSince = until.AddDays(-scope.Thresholds.AtRiskAfterDays);
        var highValue =
            from v in db.CustomerValues.AsNoTracking()
            join c in scope.Customers on v.CustomerId equals c.Id
            where HighValue.Contains(v.Tier)
            select new { c.Id, c.DisplayName, v.Tier };

        // Two existence checks (an index seek each) rather than the newest date computed three times per customer.
        var quiet = await (
                from h in highValue
                where !db.Interactions.Any(i => i.CustomerId == h.Id && i.OccurredAt >= quietSince)
                select new { h.Id, h.DisplayName, h.Tier, Contacted = db.Interactions.Any(i => i.CustomerId == h.Id) })
            .ToListAsync(cancellationToken);
        var risks = quiet.Select(q => new AtRiskCustomer(q.Id, q.DisplayName, q.Tier, RiskKind.NoContact, !q.Contacted
            ? new LocalizedText("never contacted", "nunca contactado")
            : new LocalizedText($"no contact for more than {scope.Thresholds.AtRiskAfterDays} days",
                $"sin contacto desde hace más de {scope.Thresholds.AtRiskAfterDays} días"))).ToList();

        risks.AddRange(await FallingValueAsync(scope, cancellationToken));

        var drops = await (
                from t in db.TierChanges.AsNoTracking()
                join c in scope.Customers on t.CustomerId equals c.Id
                where t.ChangedAt >= scope.Period.Since && t.ChangedAt < until && t.FromTier != null && HighValue.Contains(t.FromTier.Value)
                select new { c.Id, c.DisplayName, t.FromTier, t.ToTier, t.ChangedAt })
            .ToListAsync(cancellationToken);
        foreach (var drop in drops.Where(d => d.ToTier < d.FromTier).OrderBy(d => d.ChangedAt))
        {
            risks.Add(new AtRiskCustomer(drop.Id, drop.DisplayName, drop.ToTier, RiskKind.TierDrop,
                new LocalizedText($"dropped from {drop.FromTier} to {drop.ToTier}", $"bajó de {drop.FromTier} a {drop.ToTier}")));
        }
        var ordered = risks.OrderByDescending(r => r.Tier).ThenBy(r => r.Kind).ThenBy(r => r.CustomerName, StringComparer.Ordinal).ToList();
        return new KpiList<AtRiskCustomer>(ordered.Count, ordered.Take(scope.Thresholds.LinesPerSection).ToList());
    }

    /// <summary>
    /// Sums each high-value customer's orders of the trailing twelve months and of the twelve before, by currency, in
    /// the database; converts the sums (a few rows per customer) with the tier rates and lets <see cref="KpiRules"/> judge.
    /// </summary>
    private async Task<IEnumerable<AtRiskCustomer>> FallingValueAsync(Scope scope, CancellationToken cancellationToken)
    {
        var until = scope.Period.Until;
        var highValue =
            from v in db.CustomerValues.AsNoTracking()
            join c in scope.Customers on v.CustomerId equals c.Id
            where HighValue.Contains(v.Tier)
            select new { c.Id, c.DisplayName, v.Tier };
        var currentSince = until.AddMonths(-12);
        var previousSince = until.AddMonths(-24);
        var sums = await (
                from o in db.Orders.AsNoTracking()
                join h in highValue on o.CustomerId equals h.Id
                where o.PlacedAt >= previousSince && o.PlacedAt < until
                group o by new { h.Id, o.Currency, Current = o.PlacedAt >= currentSince } into g
                select new { g.Key.Id, g.Key.Currency, g.Key.Current, Amount = g.Sum(o => o.Amount) })
            .ToListAsync(cancellationToken);
        if (sums.Count == 0)
            return [];
        var ids = sums.Select(s => s.Id).Distinct().ToList();
        var known = await highValue.Where(h => ids.Contains(h.Id)).ToListAsync(cancellationToken);
        var rates = tiers.Value.ToExchangeRates();
        var falling = new List<AtRiskCustomer>();
        foreach (var customer in known)
        {
            decimal current = 0m, previous = 0m;
            foreach (var sum in sums.Where(s => s.Id == customer.Id))
            {
                if (!rates.TryConvert(sum.Amount, sum.Currency, out var converted))
                    continue;
                if (sum.Current)
                    current += converted;
                else
                    previous += converted;
            }
            if (KpiRules.FallingValue(current, previous, scope.Thresholds.FallingValueShare, rates.ReportingCurrency) is { } reason)
                falling.Add(new AtRiskCustomer(customer.Id, customer.DisplayName, customer.Tier, RiskKind.FallingValue, reason));
        }
        return falling;
    }

    private async Task<CaseAlerts> CasesAsync(Scope scope, CancellationToken cancellationToken)
    {
        // Only active cases are loaded (a handful per rep): the SLA judgement is the domain's, in memory.
        var active = await (
                from s in db.SupportCases.AsNoTracking()
                join c in scope.Customers on s.CustomerId equals c.Id
                where ActiveStatuses.Contains(s.Status)
                select new { s.Number, c.Id, c.DisplayName, s.CreatedAt, s.SlaDueAt })
            .ToListAsync(cancellationToken);
        var alerts = active
            .Select(a => (a, Watch: KpiRules.WatchCase(a.CreatedAt, a.SlaDueAt, scope.Period.Until, scope.Thresholds.SlaWarnShare)))
            .Where(x => x.Watch.Watch != CaseSlaWatch.Fine)
            .OrderByDescending(x => x.Watch.Watch).ThenBy(x => x.a.SlaDueAt)
            .Select(x => new CaseAtRisk(x.a.Number, x.a.Id, x.a.DisplayName, x.Watch.Watch, x.Watch.Reason))
            .ToList();
        return new CaseAlerts(alerts.Count(a => a.Watch == CaseSlaWatch.Near), alerts.Count(a => a.Watch == CaseSlaWatch.Past),
            alerts.Take(scope.Thresholds.LinesPerSection).ToList());
    }

    private sealed record Scope(KpiPeriod Period, DateOnly Today, KpiThresholds Thresholds, Dictionary<UserId, string> Names, IQueryable<Customer> Customers);
}
