using BenchmarkDotNet.Attributes;
using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Conversations.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Customer resolution as a turn runs it: <see cref="CustomerFinder"/> in a scope of its own, for each kind of query
/// people type (<see cref="ResolutionQueryMix"/>: e-mail, phone, full name, typos, name and company, partial name),
/// each invocation the next of 100 queries made from sampled customers. Needs <see cref="BenchDatabase.Variable"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
public class ResolutionBenchmarks
{
    private const int QueriesPerKind = 100;
    private IHost _host = null!;
    private List<ResolutionQuery> _queries = null!;
    private int _next;

    [ParamsAllValues]
    public ResolutionQueryKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchDatabase.BuildHost();
        var customers = DatabaseSample.CustomersAsync(_host, QueriesPerKind * 3).GetAwaiter().GetResult();
        var mix = new ResolutionQueryMix(20261124);
        // ResolutionQueryMix picks the kind from the index: index * 6 + kind gives this benchmark's kind every time.
        _queries = customers.Select((c, i) => mix.For(c, (i * 6) + (int)Kind)).Where(q => q.Kind == Kind).Take(QueriesPerKind).ToList();
        if (_queries.Count == 0)
            throw new InvalidOperationException($"No {Kind} query could be made from the sampled customers.");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public async Task<CustomerSearchResult> Resolve()
    {
        var query = _queries[_next++ % _queries.Count];
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerFinder>().FindAsync(query.Text, "es-ES", CancellationToken.None);
    }
}
