using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// <c>measure-resolution --queries 1000</c> (hidden from help): how fast and how well customers are identified
/// against the configured database. It samples customers deterministically, makes a realistic query mix of them
/// (<see cref="ResolutionQueryMix"/>), resolves each through <see cref="CustomerFinder"/> in a scope of its own,
/// exactly as a chat turn does, and prints latency percentiles and the outcomes. It only reads.
/// </summary>
public static class MeasureResolutionCommand
{
    private const int WarmUpQueries = 10;

    /// <param name="output">Where the results go (the console when null).</param>
    public static Command Create(Func<IHost> buildHost, TextWriter? output = null)
    {
        var queries = new Option<int>("--queries") { Description = "How many queries to resolve.", DefaultValueFactory = _ => 1000 };
        var randomSeed = new Option<int>("--random-seed") { Description = "Seed of the sample and the typos.", DefaultValueFactory = _ => 20261124 };
        var locale = new Option<string>("--locale") { Description = "The user's locale (its country reads national phone numbers).", DefaultValueFactory = _ => "es-ES" };
        var details = new Option<FileInfo?>("--details") { Description = "Also write each query's kind, outcome and the customer ids of the answer to this file (to compare two versions)." };
        var command = new Command("measure-resolution", "Measure customer resolution latency and outcomes on the configured database.")
        {
            queries,
            randomSeed,
            locale,
            details,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
            RunAsync(buildHost, output ?? Console.Out, parse.GetValue(queries), parse.GetValue(randomSeed), parse.GetValue(locale)!, parse.GetValue(details), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Func<IHost> buildHost, TextWriter output, int count, int randomSeed, string locale, FileInfo? details, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync("--queries must be between 1 and 1,000,000.");
            return 2;
        }
        using var host = buildHost();
        var sample = await SampleAsync(host.Services, count, randomSeed, cancellationToken);
        if (sample.Count == 0)
        {
            await Console.Error.WriteLineAsync("The database has no customers: seed some first (seed --customers 100000).");
            return 1;
        }

        var mix = new ResolutionQueryMix(randomSeed);
        var queries = sample.Select((customer, i) => mix.For(customer, i)).ToList();
        foreach (var warmUp in queries.Take(WarmUpQueries))
            await ResolveAsync(host.Services, warmUp, locale, cancellationToken);

        var results = new List<(ResolutionQuery Query, Resolved Outcome, double Ms)>(queries.Count);
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            var outcome = await ResolveAsync(host.Services, query, locale, cancellationToken);
            results.Add((query, outcome, clock.Elapsed.TotalMilliseconds));
        }
        Print(output, results.Select(r => (r.Query, r.Outcome.Outcome, r.Ms)).ToList());
        if (details is not null)
        {
            // No names: the query's number and kind, the outcome, and the ids the answer named, in its order.
            await File.WriteAllLinesAsync(details.FullName,
                results.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{i}\t{r.Query.Kind}\t{r.Outcome.Outcome}\t{string.Join(' ', r.Outcome.Ids)}")),
                cancellationToken);
        }
        return 0;
    }

    /// <summary>Every <c>n</c>-th customer in id order, from an offset the seed picks: the same database and seed give the same sample.</summary>
    private static async Task<List<Customer>> SampleAsync(IServiceProvider services, int count, int randomSeed, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var ids = (await db.Customers.Select(c => c.Id).ToListAsync(cancellationToken)).OrderBy(id => id.Value).ToList();
        if (ids.Count == 0)
            return [];
        var random = new Random(randomSeed);
        var picked = Enumerable.Range(0, count).Select(_ => ids[random.Next(ids.Count)]).ToList();
        var customers = new Dictionary<CustomerId, Customer>();
        foreach (var chunk in picked.Distinct().Chunk(500))
        {
            var wanted = chunk.ToList();
            foreach (var customer in await db.Customers.AsNoTracking().Include(c => c.Identities).Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken))
                customers[customer.Id] = customer;
        }
        return picked.Select(id => customers[id]).ToList();
    }

    /// <summary>The outcome of one query and the ids of the customers its answer named.</summary>
    private sealed record Resolved(string Outcome, IReadOnlyList<Guid> Ids);

    /// <returns>"exact", "exact (another customer)", "candidates", "candidates (without it)", "not found" or "invalid".</returns>
    private static async Task<Resolved> ResolveAsync(IServiceProvider services, ResolutionQuery query, string locale, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<CustomerFinder>();
        return await finder.FindAsync(query.Text, locale, cancellationToken) switch
        {
            CustomerSearchResult.Found found => new Resolved(found.Customer.Id == query.Expected ? "exact" : "exact (another customer)", [found.Customer.Id.Value]),
            CustomerSearchResult.Ambiguous ambiguous => new Resolved(
                ambiguous.Candidates.Any(c => c.Customer.Id == query.Expected) ? "candidates" : "candidates (without it)",
                ambiguous.Candidates.Select(c => c.Customer.Id.Value).ToList()),
            CustomerSearchResult.NotFound => new Resolved("not found", []),
            _ => new Resolved("invalid", []),
        };
    }

    private static void Print(TextWriter output, List<(ResolutionQuery Query, string Outcome, double Ms)> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var times = results.Select(r => r.Ms).Order().ToList();
        output.WriteLine(string.Create(inv,
            $"{results.Count:N0} queries: median {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times[^1]:F1} ms"));
        var outcomes = new[] { "exact", "exact (another customer)", "candidates", "candidates (without it)", "not found", "invalid" };
        output.WriteLine(string.Join(", ", outcomes.Select(o => string.Create(inv, $"{o}: {results.Count(r => r.Outcome == o):N0}"))));
        output.WriteLine();
        output.WriteLine($"{"kind",-16} {"queries",8} {"median ms",10} {"p95 ms",8} {"p99 ms",8}  outcomes");
        foreach (var group in results.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key))
        {
            var kindTimes = group.Select(r => r.Ms).Order().ToList();
            var kindOutcomes = string.Join(", ", group.GroupBy(r => r.Outcome).OrderByDescending(g => g.Count()).Select(g => string.Create(inv, $"{g.Key} {g.Count()}")));
            output.WriteLine(string.Create(inv, $"{group.Key,-16} {group.Count(),8} {Percentile(kindTimes, 0.5),10:F1} {Percentile(kindTimes, 0.95),8:F1} {Percentile(kindTimes, 0.99),8:F1}  {kindOutcomes}"));
        }
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
