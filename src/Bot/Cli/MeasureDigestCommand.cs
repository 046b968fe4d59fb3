using ChatCrm.Bot.Features.Digests;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// <c>measure-digest --reps 50 --runs 7</c> (hidden from help): how long one manager's digest takes to compute — the
/// KPI queries and the Adaptive Card — on the configured database. Inside a transaction that is rolled back at the
/// end (the database is left as it was), it puts every existing sales rep and as many extra reps as needed under a
/// measurement manager, so the team has <c>--reps</c> reps and owns every customer of the database: the largest book a
/// team of that size could have. It then composes the digest <c>--runs</c> times after one warm-up and prints each
/// time and the median.
/// </summary>
public static class MeasureDigestCommand
{
    public static Command Create(Func<IHost> buildHost, TextWriter? output = null)
    {
        var reps = new Option<int>("--reps") { Description = "How many reps the measured team has.", DefaultValueFactory = _ => 50 };
        var runs = new Option<int>("--runs") { Description = "How many timed runs (after one warm-up).", DefaultValueFactory = _ => 7 };
        var month = new Option<bool>("--month") { Description = "Measure a 30-day digest instead of a 7-day one." };
        var command = new Command("measure-digest", "Measure the time to compute one manager's digest on the configured database.") { reps, runs, month };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
            RunAsync(buildHost, output ?? Console.Out, parse.GetValue(reps), parse.GetValue(runs), parse.GetValue(month), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Func<IHost> buildHost, TextWriter output, int repCount, int runCount, bool month, CancellationToken cancellationToken)
    {
        if (repCount is < 1 or > 1000 || runCount is < 1 or > 100)
        {
            await Console.Error.WriteLineAsync("--reps must be between 1 and 1,000 and --runs between 1 and 100.");
            return 2;
        }
        using var host = buildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var query = services.GetRequiredService<TeamKpiQuery>();
        var thresholds = services.GetRequiredService<IOptions<DigestOptions>>().Value.ToThresholds();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var period = KpiPeriod.Ending(now, month ? KpiSpan.Month : KpiSpan.Week);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var manager = await ArrangeTeamAsync(db, repCount, cancellationToken);
        var customers = await db.Customers.CountAsync(c => c.OwnerId != null, cancellationToken);

        async Task<(double Ms, TeamKpis Kpis)> ComposeAsync()
        {
            var clock = Stopwatch.StartNew();
            var kpis = await query.ComputeAsync(manager.Id, period, today, thresholds, cancellationToken);
            _ = AdaptiveCardRenderer.Render(DigestCards.Digest(new DigestContent(manager.DisplayName, kpis), LanguageCode.English, TimeZoneInfo.Utc));
            return (clock.Elapsed.TotalMilliseconds, kpis);
        }

        await ComposeAsync();
        var times = new List<double>(runCount);
        TeamKpis? last = null;
        for (var i = 0; i < runCount; i++)
        {
            var (ms, kpis) = await ComposeAsync();
            times.Add(ms);
            last = kpis;
        }
        await transaction.RollbackAsync(cancellationToken);

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Digest for a team of {repCount} reps owning {customers:N0} customers ({db.Database.ProviderName}), {(month ? "30" : "7")}-day period:"));
        output.WriteLine(string.Create(inv, $"  runs (ms): {string.Join(", ", times.Select(t => t.ToString("F1", inv)))}"));
        times.Sort();
        output.WriteLine(string.Create(inv, $"  median {Median(times):F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms"));
        output.WriteLine(string.Create(inv,
            $"  figures: {last!.Interactions:N0} interactions, {last.Overdue.Count:N0} overdue follow-ups, {last.AtRisk.Count:N0} at risk, {last.Cases.Near:N0}/{last.Cases.Past:N0} cases near/past SLA, {last.Offers.Presented:N0} offers shown, {last.NewCustomers.Count:N0} new customers"));
        return 0;
    }

    /// <summary>A measurement manager over every sales rep, plus new reps up to the wanted size (all rolled back later).</summary>
    private static async Task<User> ArrangeTeamAsync(CrmDbContext db, int repCount, CancellationToken cancellationToken)
    {
        var manager = new User(UserId.New(), "Measurement Manager", UserRole.Manager, "Measurement", "Europe/Madrid", "en-US");
        db.Users.Add(manager);
        var reps = await db.Users.Where(u => u.Role == UserRole.SalesRep).OrderBy(u => u.DisplayName).Take(repCount).ToListAsync(cancellationToken);
        foreach (var rep in reps)
            rep.ReportTo(manager.Id);
        for (var i = reps.Count; i < repCount; i++)
        {
            var extra = new User(UserId.New(), string.Create(CultureInfo.InvariantCulture, $"Measurement Rep {i + 1}"), UserRole.SalesRep, "Measurement", "Europe/Madrid", "en-US");
            extra.ReportTo(manager.Id);
            db.Users.Add(extra);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return manager;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
