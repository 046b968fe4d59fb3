using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Digests;

/// <summary>
/// Gathers a manager's digest: the team is the reps reporting to the manager, and their customers are the accounts
/// those reps own — exactly what need-to-know lets the manager see in full.
/// </summary>
public sealed class DigestComposer(CrmDbContext db, IOptions<DigestOptions> options)
{
    public async Task<DigestContent> ComposeAsync(User manager, DateTimeOffset since, DateTimeOffset until, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var settings = options.Value;
        var team = await db.Users.AsNoTracking().Where(u => u.ManagerId == manager.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var repIds = team.Select(r => r.Id).ToList();
        var names = team.ToDictionary(r => r.Id, r => r.DisplayName);

        var logged = await db.Interactions.AsNoTracking()
            .Where(i => repIds.Contains(i.LoggedBy) && i.RecordedAt >= since && i.RecordedAt < until)
            .GroupBy(i => new { i.LoggedBy, i.Channel })
            .Select(g => new { g.Key.LoggedBy, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var activity = team
            .Select(r => new RepActivity(r.DisplayName, logged.Where(l => l.LoggedBy == r.Id).ToDictionary(l => l.Channel, l => l.Count)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.RepName, StringComparer.Ordinal)
            .ToList();

        var ownerIds = repIds.Select(id => (UserId?)id).ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => ownerIds.Contains(c.OwnerId))
            .Select(c => new { c.Id, c.DisplayName, OwnerId = c.OwnerId!.Value })
            .ToListAsync(cancellationToken);
        var customerIds = customers.Select(c => c.Id).ToList();
        var latest = (await db.Interactions.AsNoTracking()
                .Where(i => customerIds.Contains(i.CustomerId))
                .Select(i => new { i.CustomerId, i.OccurredAt, i.RecordedAt, i.FollowUpOn })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.CustomerId)
            .ToDictionary(g => g.Key, g => g.MaxBy(i => (i.OccurredAt, i.RecordedAt))!);

        var overdue = new List<OverdueFollowUp>();
        foreach (var customer in customers)
        {
            // The FollowUp rule: only the follow-up on the latest interaction is open.
            if (latest.TryGetValue(customer.Id, out var last) && last.FollowUpOn is { } due && due < today)
                overdue.Add(new OverdueFollowUp(customer.Id, customer.DisplayName, names[customer.OwnerId], due, today.DayNumber - due.DayNumber));
        }

        var highValue = await db.CustomerValues.AsNoTracking()
            .Where(v => customerIds.Contains(v.CustomerId) && (v.Tier == ValueTier.Gold || v.Tier == ValueTier.Platinum))
            .Select(v => new { v.CustomerId, v.Tier })
            .ToListAsync(cancellationToken);
        var quietSince = until.AddDays(-settings.AtRiskAfterDays);
        var byId = customers.ToDictionary(c => c.Id);
        var atRisk = new List<AtRiskCustomer>();
        foreach (var value in highValue)
        {
            var lastContact = latest.TryGetValue(value.CustomerId, out var l) ? l.OccurredAt : (DateTimeOffset?)null;
            if (lastContact is null || lastContact < quietSince)
            {
                var days = settings.AtRiskAfterDays;
                atRisk.Add(new AtRiskCustomer(value.CustomerId, byId[value.CustomerId].DisplayName, value.Tier, lastContact is null
                    ? new LocalizedText("never contacted", "nunca contactado")
                    : new LocalizedText($"no contact for more than {days} days", $"sin contacto desde hace más de {days} días")));
            }
        }
        var drops = await db.TierChanges.AsNoTracking()
            .Where(t => customerIds.Contains(t.CustomerId) && t.ChangedAt >= since && t.ChangedAt < until)
            .ToListAsync(cancellationToken);
        foreach (var drop in drops.Where(d => d.IsDrop && d.FromTier >= ValueTier.Gold))
        {
            atRisk.Add(new AtRiskCustomer(drop.CustomerId, byId[drop.CustomerId].DisplayName, drop.ToTier,
                new LocalizedText($"dropped from {drop.FromTier} to {drop.ToTier}", $"bajó de {drop.FromTier} a {drop.ToTier}")));
        }

        return new DigestContent(manager.DisplayName, since, until, activity,
            overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.CustomerName, StringComparer.Ordinal).ToList(),
            atRisk.OrderByDescending(a => a.Tier).ThenBy(a => a.CustomerName, StringComparer.Ordinal).ToList());
    }
}
