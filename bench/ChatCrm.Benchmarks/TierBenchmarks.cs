using BenchmarkDotNet.Attributes;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The tier rule alone: <see cref="ParetoTierAssigner"/> over 1,000,000 customer values sorted by value (no database),
/// the in-memory part of every recalculation.
/// </summary>
[MemoryDiagnoser]
public class TierAssignmentBenchmarks
{
    private decimal[] _values = null!;
    private decimal _total;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        // A long tail, as customer value is: a few large accounts, many small.
        _values = Enumerable.Range(0, Customers).Select(_ => Math.Round((decimal)(100.0 / Math.Pow(1.0 - random.NextDouble(), 0.8)), 2))
            .OrderDescending().ToArray();
        _total = _values.Sum();
    }

    [Benchmark]
    public long AssignTiers()
    {
        long platinum = 0;
        foreach (var (_, tier) in ParetoTierAssigner.Assign(_values, v => v, _total, TierThresholds.Default))
        {
            if (tier == ValueTier.Platinum)
                platinum++;
        }
        return platinum;
    }
}

/// <summary>
/// A whole tier recalculation (<see cref="TierRecalculation"/>: sum twelve months of orders, assign, write tiers and
/// changes, needs segments) against the seeded database. It writes, as the nightly job does; it takes seconds to
/// minutes at a million customers, so it runs three times without warm-up. Needs <see cref="BenchDatabase.Variable"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class TierRecalculationBenchmarks
{
    private IHost _host = null!;

    [GlobalSetup]
    public void Setup() => _host = BenchDatabase.BuildHost();

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public async Task<TierRecalculationReport> Recalculate()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, CancellationToken.None);
    }
}
